package dev.stagehand.twitchsim.eventsub;

import dev.stagehand.twitchsim.http.Http;
import dev.stagehand.twitchsim.world.SimStream;
import dev.stagehand.twitchsim.world.SimUser;
import dev.stagehand.twitchsim.world.SimWorld;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * EventSub over WebSocket ({@code wss://eventsub.wss.twitch.tv/ws}): welcome, keepalives, notifications for the
 * subscriptions created through Helix, session reconnects, and Twitch's close codes. Message shapes follow Twitch's
 * documentation and twitch-cli's mock server.
 */
public final class EventSubHub implements SimWorld.StreamListener {

    /** Twitch's limit on the total cost of one user's WebSocket subscriptions. */
    public static final int MAX_TOTAL_COST = 10;
    static final int CLOSE_CLIENT_SENT_TRAFFIC = 4001;
    static final int CLOSE_CONNECTION_UNUSED = 4003;

    private final SimWorld world;
    private final Map<String, EventSubSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, EventSubSubscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Boolean> reconnecting = new ConcurrentHashMap<>();
    private volatile String baseUrl = "";
    private volatile Duration unusedTimeout = Duration.ofSeconds(10);
    private volatile Duration reconnectGrace = Duration.ofSeconds(30);

    public EventSubHub(SimWorld world) {
        this.world = world;
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
                if (subscriptions.values().stream().noneMatch(sub -> sub.sessionId().equals(session.id()))) {
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
            subscriptions.values().removeIf(subscription -> subscription.sessionId().equals(session.id()));
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
        if (!"websocket".equals(transport.get("method"))) {
            return error(400, "Bad Request", "unsupported transport method: " + transport.get("method"));
        }
        if (user == null) {
            return error(400, "Bad Request", "websocket transports require a user access token");
        }
        EventSubSession session = sessions.get(String.valueOf(transport.get("session_id")));
        if (session == null) {
            return error(400, "Bad Request", "websocket transport session does not exist or has already disconnected");
        }
        int cost = broadcasterId.equals(user.id()) ? 0 : 1;
        EventSubSubscription subscription = new EventSubSubscription(UUID.randomUUID().toString(), (String) type,
                (String) version, condition, session.id(), clientId, user.id(), cost, world.now());
        synchronized (subscriptions) {
            if (subscriptions.values().stream().anyMatch(existing -> existing.sameAs(subscription))) {
                return error(409, "Conflict", "subscription already exists");
            }
            int totalCost = totalCost(clientId, user.id());
            if (totalCost + cost > MAX_TOTAL_COST) {
                return error(429, "Too Many Requests", "total subscription cost would exceed " + MAX_TOTAL_COST);
            }
            subscriptions.put(subscription.id(), subscription);
            return new Answer(202, listBody(List.of(subscription), totalCost + cost));
        }
    }

    public Answer list(String clientId, SimUser user) {
        String userId = user == null ? null : user.id();
        List<EventSubSubscription> own = subscriptions.values().stream()
                .filter(s -> s.clientId().equals(clientId) && (userId == null || s.userId().equals(userId)))
                .toList();
        return new Answer(200, listBody(own, userId == null ? 0 : totalCost(clientId, userId)));
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
                .filter(s -> s.clientId().equals(clientId) && s.userId().equals(userId))
                .mapToInt(EventSubSubscription::cost).sum();
    }

    private Map<String, Object> listBody(List<EventSubSubscription> list, int totalCost) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", list.stream().map(s -> s.json(connectedAt(s))).toList());
        body.put("total", list.size());
        body.put("total_cost", totalCost);
        body.put("max_total_cost", MAX_TOTAL_COST);
        body.put("pagination", Map.of());
        return body;
    }

    private Instant connectedAt(EventSubSubscription subscription) {
        EventSubSession session = sessions.get(subscription.sessionId());
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
            if (subscription.type().equals(type)
                    && broadcaster.id().equals(subscription.condition().get("broadcaster_user_id"))) {
                EventSubSession session = sessions.get(subscription.sessionId());
                if (session != null) {
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("subscription", subscription.json(session.connectedAt()));
                    payload.put("event", event);
                    session.send(message("notification", payload, subscription));
                }
            }
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
