package dev.stagehand.twitchsim.eventsub;

import dev.stagehand.twitchsim.http.Http;
import dev.stagehand.twitchsim.world.SimStream;
import dev.stagehand.twitchsim.world.SimUser;
import dev.stagehand.twitchsim.world.SimWorld;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * EventSub, both transports, for the subscriptions created through Helix. Over WebSocket ({@code
 * wss://eventsub.wss.twitch.tv/ws}): welcome, keepalives, notifications, session reconnects, and Twitch's close codes.
 * Over webhooks: callback verification, signed notifications, retries and revocation ({@link WebhookCallbacks}).
 * Message shapes follow Twitch's documentation and twitch-cli's mock server.
 */
public final class EventSubHub implements SimWorld.StreamListener {

    /** Twitch's limit on the total cost of one user's WebSocket subscriptions. */
    public static final int MAX_TOTAL_COST = 10;
    /** Twitch's limit on the total cost of an app's webhook subscriptions. */
    public static final int MAX_WEBHOOK_TOTAL_COST = 10_000;
    static final int CLOSE_CLIENT_SENT_TRAFFIC = 4001;
    static final int CLOSE_CONNECTION_UNUSED = 4003;

    private final SimWorld world;
    private final WebhookCallbacks webhooks;
    private final Map<String, EventSubSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, EventSubSubscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Boolean> reconnecting = new ConcurrentHashMap<>();
    private final Set<String> outage = ConcurrentHashMap.newKeySet();
    private volatile String baseUrl = "";
    private volatile Duration unusedTimeout = Duration.ofSeconds(10);
    private volatile Duration reconnectGrace = Duration.ofSeconds(30);

    public EventSubHub(SimWorld world) {
        this.world = world;
        this.webhooks = new WebhookCallbacks(world);
        world.addStreamListener(this);
    }

    /** The URL clients connect to, for the reconnect URLs handed out in {@code session_reconnect}. */
    public void baseUrl(String url) {
        baseUrl = url;
    }

    public void register(HttpServerRoutes routes) {
        routes.route(EventSubHub::isEventSub, (request, response) -> {
            QueryStringDecoder query = new QueryStringDecoder(request.uri());
            return response.sendWebsocket((in, out) -> connect(in, out, query));
        });
    }

    private static boolean isEventSub(HttpServerRequest request) {
        return new QueryStringDecoder(request.uri()).path().equals("/eventsub")
                && "websocket".equalsIgnoreCase(request.requestHeaders().get("Upgrade"));
    }

    /** How long a connection may stay without subscriptions before Twitch closes it (4003); 10 s on Twitch. */
    public void unusedTimeout(Duration timeout) {
        unusedTimeout = timeout;
    }

    private Mono<Void> connect(WebsocketInbound in, WebsocketOutbound out, QueryStringDecoder query) {
        String resumed = Optional.ofNullable(query.parameters().get("reconnect")).map(values -> values.get(0))
                .filter(reconnecting::containsKey).orElse(null);
        int keepaliveSeconds = keepaliveSeconds(query);
        EventSubSession session = new EventSubSession(resumed != null ? resumed : sessionId(), world.now());
        EventSubSession previous = sessions.put(session.id(), session);
        if (resumed != null) {
            reconnecting.remove(resumed);
            if (previous != null) {
                previous.stopKeepalive();
            }
        }
        session.send(message("session_welcome", Map.of("session", sessionJson(session, "connected",
                keepaliveSeconds, null))));
        session.keepalive(Flux.interval(Duration.ofSeconds(keepaliveSeconds))
                .subscribe(tick -> session.send(message("session_keepalive", Map.of()))));
        if (resumed == null) {
            Mono.delay(unusedTimeout).subscribe(tick -> {
                if (subscriptions.values().stream().noneMatch(sub -> session.id().equals(sub.sessionId()))) {
                    session.close(CLOSE_CONNECTION_UNUSED);
                }
            });
        }
        // Clients may not send messages on this socket: the first one closes it with 4001. The end of the input
        // (the client went away) ends the session too.
        // (Reading on rather than cancelling after the first message: cancelling the input drops the connection
        // before the close frame is written.)
        Mono<Void> reading = in.receive().asString()
                .doOnNext(anything -> session.close(CLOSE_CLIENT_SENT_TRAFFIC))
                .then(Mono.fromRunnable(() -> session.close(0)));
        Mono<Void> writing = out.sendString(session.messages()).then()
                .then(Mono.defer(() -> session.closeCode() == 0 ? out.sendClose()
                        : out.sendClose(session.closeCode(), closeReason(session.closeCode()))))
                .onErrorResume(alreadyClosed -> Mono.empty());
        return Mono.when(reading, writing).doFinally(signal -> disconnected(session));
    }

    private void disconnected(EventSubSession session) {
        session.stopKeepalive();
        if (sessions.get(session.id()) != session) {
            return; // the session goes on over the client's new connection
        }
        if (reconnecting.containsKey(session.id())) {
            // Told to reconnect: the session waits for the client's new connection, as long as Twitch's grace time.
            Mono.delay(reconnectGrace).subscribe(tick -> {
                if (reconnecting.remove(session.id()) != null) {
                    end(session);
                }
            });
            return;
        }
        end(session);
    }

    private void end(EventSubSession session) {
        if (sessions.remove(session.id(), session)) {
            subscriptions.values().removeIf(subscription -> session.id().equals(subscription.sessionId()));
        }
    }

    /** Asks every connected client to move to a new connection, as Twitch does before maintenance. */
    public void reconnectAll() {
        for (EventSubSession session : sessions.values()) {
            reconnecting.put(session.id(), true);
            session.send(message("session_reconnect", Map.of("session", sessionJson(session, "reconnecting", null,
                    baseUrl + "?reconnect=" + session.id()))));
        }
    }

    /** Closes every EventSub connection with the given close code (4000-4007), without warning. */
    public void closeAll(int code) {
        sessions.values().forEach(session -> session.close(code));
    }

    /** Sessions told to reconnect whose client has not yet come back on a new connection. */
    public int reconnectsPending() {
        return reconnecting.size();
    }

    public int connectedSessions() {
        return sessions.size();
    }

    public int subscriptionCount() {
        return subscriptions.size();
    }

    // ---- subscriptions, called by Helix's /eventsub/subscriptions

    /** The outcome of a subscription request: a status and a Helix body. */
    public record Answer(int status, Map<String, Object> body) {
    }

    public Answer subscribe(String clientId, SimUser user, Map<?, ?> request) {
        Object type = request.get("type");
        Object version = request.get("version");
        if (!(type instanceof String) || !(version instanceof String) || !(request.get("condition") instanceof Map<?, ?> c)
                || !(request.get("transport") instanceof Map<?, ?> transport)) {
            return error(400, "Bad Request", "type, version, condition and transport are required");
        }
        if (!List.of("stream.online", "stream.offline").contains(type) || !"1".equals(version)) {
            return error(400, "Bad Request", "unsupported subscription type and version: " + type + " v" + version);
        }
        Map<String, String> condition = new LinkedHashMap<>();
        c.forEach((key, value) -> condition.put(String.valueOf(key), String.valueOf(value)));
        String broadcasterId = condition.get("broadcaster_user_id");
        if (broadcasterId == null || world.userById(broadcasterId).isEmpty()) {
            return error(400, "Bad Request", "condition.broadcaster_user_id must name an existing user");
        }
        Object method = transport.get("method");
        if (EventSubTransport.WEBHOOK.equals(method)) {
            return subscribeWebhook(clientId, user, (String) type, (String) version, condition, transport);
        }
        if (!EventSubTransport.WEBSOCKET.equals(method)) {
            return error(400, "Bad Request", "unsupported transport method: " + method);
        }
        if (user == null) {
            return error(400, "Bad Request", "websocket transports require a user access token");
        }
        EventSubSession session = sessions.get(String.valueOf(transport.get("session_id")));
        if (session == null) {
            return error(400, "Bad Request", "websocket transport session does not exist or has already disconnected");
        }
        int cost = broadcasterId.equals(user.id()) ? 0 : 1;
        return add(new EventSubSubscription(UUID.randomUUID().toString(), (String) type, (String) version, condition,
                EventSubTransport.websocket(session.id()), clientId, user.id(), cost, world.now(),
                EventSubSubscription.ENABLED), MAX_TOTAL_COST);
    }

    private Answer subscribeWebhook(String clientId, SimUser user, String type, String version,
                                    Map<String, String> condition, Map<?, ?> transport) {
        if (user != null) {
            return error(400, "Bad Request", "webhook transports require an app access token");
        }
        String callback = String.valueOf(transport.get("callback"));
        // Twitch wants https on port 443; like twitch-cli, the simulator also accepts plain http for local callbacks.
        if (!callback.startsWith("https://") && !callback.startsWith("http://")) {
            return error(400, "Bad Request", "transport.callback must be an https URL");
        }
        Object secret = transport.get("secret");
        if (!(secret instanceof String s) || s.length() < 10 || s.length() > 100) {
            return error(400, "Bad Request", "transport.secret must be 10 to 100 characters");
        }
        // Subscribing to a broadcaster who authorized the app costs nothing; anyone else costs 1.
        int cost = world.authorized(clientId, condition.get("broadcaster_user_id")) ? 0 : 1;
        EventSubSubscription pending = new EventSubSubscription(UUID.randomUUID().toString(), type, version,
                condition, EventSubTransport.webhook(callback, s), clientId, null, cost, world.now(),
                "webhook_callback_verification_pending");
        Answer answer = add(pending, MAX_WEBHOOK_TOTAL_COST);
        if (answer.status() == 202) {
            webhooks.verify(pending).subscribe(verified -> subscriptions.computeIfPresent(pending.id(),
                    (id, current) -> current.withStatus(verified ? EventSubSubscription.ENABLED
                            : "webhook_callback_verification_failed")));
        }
        return answer;
    }

    private Answer add(EventSubSubscription subscription, int maxTotalCost) {
        synchronized (subscriptions) {
            if (subscriptions.values().stream().anyMatch(existing -> existing.clientId().equals(subscription.clientId())
                    && existing.sameAs(subscription))) {
                return error(409, "Conflict", "subscription already exists");
            }
            int totalCost = totalCost(subscription.clientId(), subscription.userId());
            if (totalCost + subscription.cost() > maxTotalCost) {
                return error(429, "Too Many Requests", "total subscription cost would exceed " + maxTotalCost);
            }
            subscriptions.put(subscription.id(), subscription);
            return new Answer(202, listBody(List.of(subscription), totalCost + subscription.cost(), maxTotalCost,
                    null));
        }
    }

    /**
     * The client's subscriptions (with a user token, that user's), oldest first, optionally of one type or status, a
     * page of {@code first} (at most 100) after the cursor.
     */
    public Answer list(String clientId, SimUser user, String type, String status, String after, String first) {
        String userId = user == null ? null : user.id();
        List<EventSubSubscription> own = subscriptions.values().stream()
                .filter(s -> s.clientId().equals(clientId) && Objects.equals(s.userId(), userId))
                .filter(s -> type == null || s.type().equals(type))
                .filter(s -> status == null || s.status().equals(status))
                .sorted(Comparator.comparing(EventSubSubscription::createdAt).thenComparing(EventSubSubscription::id))
                .toList();
        int from;
        int size;
        try {
            from = after == null ? 0 : Integer.parseInt(after);
            size = first == null ? 100 : Integer.parseInt(first);
        } catch (NumberFormatException malformed) {
            return error(400, "Bad Request", "malformed after or first");
        }
        if (from < 0 || size < 1 || size > 100) {
            return error(400, "Bad Request", "first must be 1 to 100");
        }
        List<EventSubSubscription> page = own.subList(Math.min(from, own.size()), Math.min(from + size, own.size()));
        String cursor = from + size < own.size() ? Integer.toString(from + size) : null;
        return new Answer(200, listBody(page, totalCost(clientId, userId),
                userId == null ? MAX_WEBHOOK_TOTAL_COST : MAX_TOTAL_COST, cursor));
    }

    public Answer delete(String clientId, String id) {
        EventSubSubscription subscription = id == null ? null : subscriptions.get(id);
        if (subscription == null || !subscription.clientId().equals(clientId)) {
            return error(404, "Not Found", "subscription not found");
        }
        subscriptions.remove(id);
        return new Answer(204, Map.of());
    }

    private int totalCost(String clientId, String userId) {
        return subscriptions.values().stream()
                .filter(s -> s.clientId().equals(clientId) && Objects.equals(s.userId(), userId))
                .mapToInt(EventSubSubscription::cost).sum();
    }

    /** Waits between webhook delivery attempts (Twitch's are undocumented); when spent, the subscription is revoked. */
    public void webhookRetries(List<Duration> waits) {
        webhooks.retries(waits);
    }

    /** Delivers every webhook notification twice, as Twitch warns it may. */
    public void duplicateWebhookNotifications(boolean on) {
        webhooks.duplicates(on);
    }

    /**
     * EventSub failing to send over these transports ({@code "websocket"}, {@code "webhook"}): their notifications are
     * lost, as in a Twitch incident. Called with none, it ends the outage.
     */
    public void outage(String... transports) {
        outage.clear();
        outage.addAll(List.of(transports));
    }

    /** Webhook notifications a callback answered with 2xx. */
    public long webhookNotificationsAccepted() {
        return webhooks.notificationsAccepted();
    }

    /** The subscriptions to a broadcaster's events, each as "transport type status" ("webhook stream.online enabled"). */
    public List<String> subscriptionsTo(String broadcasterId) {
        return subscriptions.values().stream()
                .filter(s -> broadcasterId.equals(s.condition().get("broadcaster_user_id")))
                .map(s -> s.transport().method() + " " + s.type() + " " + s.status())
                .sorted().toList();
    }

    private Map<String, Object> listBody(List<EventSubSubscription> list, int totalCost, int maxTotalCost,
                                         String cursor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", list.stream().map(s -> s.json(connectedAt(s))).toList());
        body.put("total", list.size());
        body.put("total_cost", totalCost);
        body.put("max_total_cost", maxTotalCost);
        body.put("pagination", cursor == null ? Map.of() : Map.of("cursor", cursor));
        return body;
    }

    private Instant connectedAt(EventSubSubscription subscription) {
        EventSubSession session = subscription.transport().isWebhook() ? null : sessions.get(subscription.sessionId());
        return session == null ? subscription.createdAt() : session.connectedAt();
    }

    private static Answer error(int status, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("status", status);
        body.put("message", message);
        return new Answer(status, body);
    }

    // ---- notifications

    @Override
    public void wentLive(SimStream stream) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", stream.id());
        event.putAll(broadcaster(stream.broadcaster()));
        event.put("type", "live");
        event.put("started_at", stream.startedAt().toString());
        notify("stream.online", stream.broadcaster(), event);
    }

    @Override
    public void wentOffline(SimUser broadcaster) {
        notify("stream.offline", broadcaster, broadcaster(broadcaster));
    }

    private void notify(String type, SimUser broadcaster, Map<String, Object> event) {
        for (EventSubSubscription subscription : subscriptions.values()) {
            if (!subscription.enabled() || outage.contains(subscription.transport().method())
                    || !subscription.type().equals(type)
                    || !broadcaster.id().equals(subscription.condition().get("broadcaster_user_id"))) {
                continue;
            }
            if (subscription.transport().isWebhook()) {
                webhooks.notify(subscription, event, () -> failuresExceeded(subscription));
                continue;
            }
            EventSubSession session = sessions.get(subscription.sessionId());
            if (session != null) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("subscription", subscription.json(session.connectedAt()));
                payload.put("event", event);
                session.send(message("notification", payload, subscription));
            }
        }
    }

    private void failuresExceeded(EventSubSubscription subscription) {
        revoke(subscription, "notification_failures_exceeded");
    }

    /**
     * Twitch revoking every webhook subscription to a broadcaster's events with this status ({@code
     * authorization_revoked}, {@code user_removed}, {@code version_removed}), and telling their callbacks.
     */
    public void revokeWebhooks(String broadcasterId, String status) {
        subscriptions.values().stream()
                .filter(s -> s.transport().isWebhook()
                        && broadcasterId.equals(s.condition().get("broadcaster_user_id")))
                .forEach(subscription -> revoke(subscription, status));
    }

    private void revoke(EventSubSubscription subscription, String status) {
        EventSubSubscription revoked = subscriptions.computeIfPresent(subscription.id(),
                (id, current) -> current.withStatus(status));
        if (revoked != null) {
            webhooks.revoked(revoked);
        }
    }

    private static Map<String, Object> broadcaster(SimUser user) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("broadcaster_user_id", user.id());
        fields.put("broadcaster_user_login", user.login());
        fields.put("broadcaster_user_name", user.displayName());
        return fields;
    }

    // ---- message shapes

    private String message(String type, Map<String, Object> payload) {
        return message(type, payload, null);
    }

    private String message(String type, Map<String, Object> payload, EventSubSubscription subscription) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("message_id", UUID.randomUUID().toString());
        metadata.put("message_type", type);
        metadata.put("message_timestamp", world.now().toString());
        if (subscription != null) {
            metadata.put("subscription_type", subscription.type());
            metadata.put("subscription_version", subscription.version());
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("metadata", metadata);
        message.put("payload", payload);
        return Http.toJson(message);
    }

    private static Map<String, Object> sessionJson(EventSubSession session, String status, Integer keepaliveSeconds,
                                                   String reconnectUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", session.id());
        json.put("status", status);
        json.put("connected_at", session.connectedAt().toString());
        json.put("keepalive_timeout_seconds", keepaliveSeconds);
        json.put("reconnect_url", reconnectUrl);
        json.put("recovery_url", null);
        return json;
    }

    private static int keepaliveSeconds(QueryStringDecoder query) {
        try {
            int requested = Integer.parseInt(query.parameters().getOrDefault("keepalive_timeout_seconds",
                    List.of("10")).get(0));
            return Math.max(10, Math.min(600, requested));
        } catch (NumberFormatException malformed) {
            return 10;
        }
    }

    private static String sessionId() {
        return "AgoQ" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String closeReason(int code) {
        return switch (code) {
            case 4000 -> "internal server error";
            case CLOSE_CLIENT_SENT_TRAFFIC -> "client sent inbound traffic";
            case 4002 -> "client failed ping-pong";
            case CLOSE_CONNECTION_UNUSED -> "connection unused";
            case 4004 -> "reconnect grace time expired";
            case 4005 -> "network timeout";
            case 4006 -> "network error";
            case 4007 -> "invalid reconnect";
            default -> "";
        };
    }
}
