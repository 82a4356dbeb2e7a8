package dev.stagehand.twitchsim.discord;

import static dev.stagehand.twitchsim.http.Http.first;
import static dev.stagehand.twitchsim.http.Http.json;

import dev.stagehand.twitchsim.auth.Pkce;
import dev.stagehand.twitchsim.http.FaultyRoutes;
import dev.stagehand.twitchsim.http.Http;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.QueryStringEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * Discord, as far as Stagehand uses it, under {@code /discord}: webhooks (execute with Discord's limits, edit and
 * delete messages, 404 once deleted, per-webhook rate limits with {@code X-RateLimit-*} headers and 429s) and OAuth2
 * login ({@code /oauth2/authorize}, {@code /api/oauth2/token}, {@code /api/users/@me}). Every delivery is recorded.
 */
public final class SimDiscord {

    public static final String CLIENT_ID = "1180000000000000001";
    public static final String CLIENT_SECRET = "stagehand-sim-discord-secret";
    private static final int WEBHOOK_REQUESTS_PER_WINDOW = 5;
    private static final Duration WEBHOOK_WINDOW = Duration.ofSeconds(2);
    /** Reactor Netty's routes have no PATCH; edits are matched by method and this path. */
    private static final Pattern MESSAGE_PATH =
            Pattern.compile("/discord/api/webhooks/([^/]+)/([^/]+)/messages/([^/]+)");

    public record SimDiscordUser(String id, String username, String globalName, String email) {
    }

    private record Grant(String username, String scope, String redirectUri, Pkce pkce) {
    }

    private record Bucket(long windowStartNanos, int used) {
    }

    private final Clock clock;
    private final AtomicLong snowflakes = new AtomicLong(1_200_000_000_000_000_000L);
    private final Map<String, SimWebhook> webhooks = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> messages = new ConcurrentHashMap<>();
    private final List<DiscordDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, ForcedLimit> forcedRateLimits = new ConcurrentHashMap<>();
    private final Map<String, SimDiscordUser> users = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private volatile String approvingUser = "serveradmin";
    private final FaultyRoutes faulty;

    public SimDiscord(Clock clock, FaultyRoutes faulty) {
        this.clock = clock;
        this.faulty = faulty;
    }

    // ---- driving it from tests and the demo

    public SimWebhook createWebhook(String name) {
        SimWebhook webhook = new SimWebhook(snowflake(), UUID.randomUUID().toString().replace("-", "")
                + UUID.randomUUID().toString().replace("-", ""), name, snowflake(), snowflake());
        webhooks.put(webhook.id(), webhook);
        return webhook;
    }

    /** Deletes a webhook, as a server admin does in Discord: it answers 404 from now on. */
    public void deleteWebhook(String id) {
        webhooks.remove(id);
    }

    /** A 429 to come, and whether it carries Discord's rate-limit headers or only its body. */
    private record ForcedLimit(Duration retryAfter, boolean headers) {
    }

    /**
     * The webhook's next request gets a 429 telling the client to wait {@code retryAfter}, whatever the headers say.
     */
    public void rateLimitNext(String webhookId, Duration retryAfter) {
        rateLimitNext(webhookId, retryAfter, true);
    }

    /** As {@link #rateLimitNext(String, Duration)}; without headers, only the body's {@code retry_after} says when. */
    public void rateLimitNext(String webhookId, Duration retryAfter, boolean headers) {
        forcedRateLimits.put(webhookId, new ForcedLimit(retryAfter, headers));
    }

    public List<SimWebhook> webhooks() {
        return List.copyOf(webhooks.values());
    }

    /** What Discord took: messages posted, edited and deleted. */
    public List<DiscordDelivery> deliveries() {
        return deliveries.stream().filter(DiscordDelivery::accepted).toList();
    }

    public List<DiscordDelivery> deliveriesTo(String webhookId) {
        return deliveries().stream().filter(delivery -> delivery.webhookId().equals(webhookId)).toList();
    }

    /** The messages the webhook's channel shows now, as Discord returns them (edits applied, deleted ones gone). */
    public List<Map<String, Object>> channelMessages(String webhookId) {
        return messages.entrySet().stream().filter(entry -> entry.getKey().startsWith(webhookId + "/"))
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparing(message -> Long.parseLong((String) message.get("id"))))
                .toList();
    }

    /** Every request the webhook received, refused ones too (429, 400), oldest first. */
    public List<DiscordDelivery> requestsTo(String webhookId) {
        return deliveries.stream().filter(delivery -> delivery.webhookId().equals(webhookId)).toList();
    }

    /** The Discord user who approves every authorization request from now on. */
    public void approveAs(String username) {
        approvingUser = username;
    }

    public SimDiscordUser user(String username) {
        return users.computeIfAbsent(username, name -> new SimDiscordUser(snowflake(), name,
                Character.toUpperCase(name.charAt(0)) + name.substring(1), name + "@example.test"));
    }

    public void register(HttpServerRoutes routes) {
        routes.get("/discord/api/webhooks/{id}/{token}", faulty.wrap(this::getWebhook))
                .post("/discord/api/webhooks/{id}/{token}", faulty.wrap(this::execute))
                .route(request -> request.method().equals(HttpMethod.PATCH)
                        && MESSAGE_PATH.matcher(new QueryStringDecoder(request.uri()).path()).matches(),
                        faulty.wrap(this::edit))
                .delete("/discord/api/webhooks/{id}/{token}/messages/{message}", faulty.wrap(this::deleteMessage))
                .get("/discord/oauth2/authorize", this::authorize)
                .post("/discord/api/oauth2/token", this::token)
                .get("/discord/api/users/@me", this::me)
                .get("/discord/api/v10/users/@me", this::me);
    }

    // ---- webhooks

    private Mono<Void> getWebhook(HttpServerRequest request, HttpServerResponse response) {
        return webhook(request).map(webhook -> json(response, 200, webhookJson(webhook)))
                .orElseGet(() -> unknownWebhook(response));
    }

    private Mono<Void> execute(HttpServerRequest request, HttpServerResponse response) {
        Optional<SimWebhook> webhook = webhook(request);
        if (webhook.isEmpty()) {
            return unknownWebhook(response);
        }
        return rateLimited(webhook.get(), "POST", request, response).orElseGet(() -> body(request).flatMap(parsed -> {
            if (parsed.isEmpty()) {
                refused(webhook.get(), "POST", request, Map.of(), 400);
                return json(response, 400, discordError("The request body contains invalid JSON.", 50109));
            }
            Map<String, Object> body = parsed.get();
            Map<String, String> violations = DiscordLimits.violations(body);
            if (!violations.isEmpty()) {
                refused(webhook.get(), "POST", request, body, 400);
                return json(response, 400, invalidFormBody(violations));
            }
            if (DiscordLimits.isEmpty(body)) {
                refused(webhook.get(), "POST", request, body, 400);
                return json(response, 400, discordError("Cannot send an empty message", 50006));
            }
            Map<String, Object> message = message(webhook.get(), snowflake(), body);
            messages.put(webhook.get().id() + "/" + message.get("id"), message);
            boolean wait = "true".equals(first(Http.query(request), "wait"));
            deliveries.add(new DiscordDelivery(webhook.get().id(), (String) message.get("id"), "POST", body,
                    clock.instant(), wait ? 200 : 204, traceparent(request)));
            return wait ? json(response, 200, message) : response.status(204).send();
        }));
    }

    private Mono<Void> edit(HttpServerRequest request, HttpServerResponse response) {
        Matcher path = MESSAGE_PATH.matcher(new QueryStringDecoder(request.uri()).path());
        path.matches();
        Optional<SimWebhook> webhook = webhook(path.group(1), path.group(2));
        if (webhook.isEmpty()) {
            return unknownWebhook(response);
        }
        String messageId = path.group(3);
        String key = webhook.get().id() + "/" + messageId;
        return rateLimited(webhook.get(), "PATCH", request, response).orElseGet(() -> body(request).flatMap(parsed -> {
            if (parsed.isEmpty()) {
                refused(webhook.get(), "PATCH", request, Map.of(), 400);
                return json(response, 400, discordError("The request body contains invalid JSON.", 50109));
            }
            Map<String, String> violations = DiscordLimits.violations(parsed.get());
            if (!violations.isEmpty()) {
                refused(webhook.get(), "PATCH", request, parsed.get(), 400);
                return json(response, 400, invalidFormBody(violations));
            }
            Map<String, Object> existing = messages.get(key);
            if (existing == null) {
                return json(response, 404, discordError("Unknown Message", 10008));
            }
            Map<String, Object> edited = new LinkedHashMap<>(existing);
            edited.putAll(parsed.get());
            edited.put("edited_timestamp", clock.instant().toString());
            messages.put(key, edited);
            deliveries.add(new DiscordDelivery(webhook.get().id(), messageId, "PATCH", parsed.get(),
                    clock.instant(), 200, traceparent(request)));
            return json(response, 200, edited);
        }));
    }

    private Mono<Void> deleteMessage(HttpServerRequest request, HttpServerResponse response) {
        Optional<SimWebhook> webhook = webhook(request);
        if (webhook.isEmpty()) {
            return unknownWebhook(response);
        }
        return rateLimited(webhook.get(), "DELETE", request, response).orElseGet(() -> {
            if (messages.remove(webhook.get().id() + "/" + request.param("message")) == null) {
                return json(response, 404, discordError("Unknown Message", 10008));
            }
            deliveries.add(new DiscordDelivery(webhook.get().id(), request.param("message"), "DELETE", Map.of(),
                    clock.instant(), 204, traceparent(request)));
            return response.status(204).send();
        });
    }

    private static String traceparent(HttpServerRequest request) {
        return request.requestHeaders().get("traceparent");
    }

    private Optional<SimWebhook> webhook(HttpServerRequest request) {
        return webhook(request.param("id"), request.param("token"));
    }

    private Optional<SimWebhook> webhook(String id, String token) {
        return Optional.ofNullable(webhooks.get(id)).filter(webhook -> webhook.token().equals(token));
    }

    /** A 429 when the webhook's bucket is spent (or one was forced); otherwise counts the request. */
    private Optional<Mono<Void>> rateLimited(SimWebhook webhook, String method, HttpServerRequest request,
                                             HttpServerResponse response) {
        long now = System.nanoTime();
        Bucket bucket = buckets.compute(webhook.id(), (id, current) ->
                current == null || now - current.windowStartNanos() >= WEBHOOK_WINDOW.toNanos()
                        ? new Bucket(now, 1) : new Bucket(current.windowStartNanos(), current.used() + 1));
        double resetAfter = Math.max(0, (bucket.windowStartNanos() + WEBHOOK_WINDOW.toNanos() - now) / 1e9);
        int remaining = Math.max(0, WEBHOOK_REQUESTS_PER_WINDOW - bucket.used());
        ForcedLimit forced = forcedRateLimits.remove(webhook.id());
        boolean headers = forced == null || forced.headers();
        if (headers) {
            response.header("X-RateLimit-Limit", Integer.toString(WEBHOOK_REQUESTS_PER_WINDOW))
                    .header("X-RateLimit-Remaining", Integer.toString(forced != null ? Math.max(1, remaining)
                            : remaining))
                    .header("X-RateLimit-Reset", String.format("%.3f", clock.millis() / 1000.0 + resetAfter))
                    .header("X-RateLimit-Reset-After", String.format("%.3f", resetAfter))
                    .header("X-RateLimit-Bucket", Integer.toHexString(webhook.id().hashCode()));
        }
        double retryAfter = forced != null ? forced.retryAfter().toMillis() / 1000.0
                : bucket.used() > WEBHOOK_REQUESTS_PER_WINDOW ? resetAfter : -1;
        if (retryAfter < 0) {
            return Optional.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "You are being rate limited.");
        body.put("retry_after", retryAfter);
        body.put("global", false);
        if (headers) {
            response.header("Retry-After", Long.toString((long) Math.ceil(retryAfter)))
                    .header("X-RateLimit-Scope", "shared");
        }
        refused(webhook, method, request, Map.of(), 429);
        return Optional.of(json(response, 429, body));
    }

    private void refused(SimWebhook webhook, String method, HttpServerRequest request, Map<String, Object> body,
                         int status) {
        deliveries.add(new DiscordDelivery(webhook.id(), null, method, body, clock.instant(), status,
                traceparent(request)));
    }

    private Map<String, Object> message(SimWebhook webhook, String id, Map<String, Object> body) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("type", 0);
        message.put("content", body.getOrDefault("content", ""));
        message.put("channel_id", webhook.channelId());
        message.put("author", Map.of("bot", true, "id", webhook.id(),
                "username", body.getOrDefault("username", webhook.name())));
        message.put("embeds", body.getOrDefault("embeds", List.of()));
        message.put("timestamp", clock.instant().toString());
        message.put("edited_timestamp", null);
        message.put("webhook_id", webhook.id());
        return message;
    }

    private static Map<String, Object> webhookJson(SimWebhook webhook) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", webhook.id());
        json.put("type", 1);
        json.put("name", webhook.name());
        json.put("channel_id", webhook.channelId());
        json.put("guild_id", webhook.guildId());
        json.put("token", webhook.token());
        return json;
    }

    private static Mono<Void> unknownWebhook(HttpServerResponse response) {
        return json(response, 404, discordError("Unknown Webhook", 10015));
    }

    @SuppressWarnings("unchecked")
    private static Mono<Optional<Map<String, Object>>> body(HttpServerRequest request) {
        return Http.readJson(request)
                .map(json -> json instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map)
                        : Optional.<Map<String, Object>>empty())
                .onErrorResume(malformed -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty());
    }

    private static Map<String, Object> discordError(String message, int code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("code", code);
        return body;
    }

    /** Discord's nested error document: {@code {"embeds":{"0":{"title":{"_errors":[...]}}}}}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> invalidFormBody(Map<String, String> violations) {
        Map<String, Object> errors = new LinkedHashMap<>();
        violations.forEach((path, message) -> {
            Map<String, Object> node = errors;
            for (String part : path.split("\\.")) {
                node = (Map<String, Object>) node.computeIfAbsent(part, key -> new LinkedHashMap<String, Object>());
            }
            node.put("_errors", List.of(Map.of("code", "BASE_TYPE_MAX_LENGTH", "message", message)));
        });
        Map<String, Object> body = discordError("Invalid Form Body", 50035);
        body.put("errors", errors);
        return body;
    }

    // ---- OAuth2

    private Mono<Void> authorize(HttpServerRequest request, HttpServerResponse response) {
        Map<String, List<String>> parameters = Http.query(request);
        String redirectUri = first(parameters, "redirect_uri");
        if (!CLIENT_ID.equals(first(parameters, "client_id")) || redirectUri == null
                || !"code".equals(first(parameters, "response_type"))) {
            return json(response, 400, Map.of("error", "invalid_request",
                    "error_description", "Unknown client_id, or missing redirect_uri or response_type=code"));
        }
        String code = UUID.randomUUID().toString().replace("-", "");
        // A simulator's extension: login_hint names who approves this one request, so that logins may run at once.
        String approving = Optional.ofNullable(first(parameters, "login_hint")).orElse(approvingUser);
        codes.put(code, new Grant(approving, Optional.ofNullable(first(parameters, "scope")).orElse("identify"),
                redirectUri, Pkce.of(first(parameters, "code_challenge"), first(parameters, "code_challenge_method"))));
        user(approving);
        QueryStringEncoder location = new QueryStringEncoder(redirectUri);
        location.addParam("code", code);
        Optional.ofNullable(first(parameters, "state")).ifPresent(state -> location.addParam("state", state));
        return response.status(302).header("Location", location.toString()).send();
    }

    private Mono<Void> token(HttpServerRequest request, HttpServerResponse response) {
        String basic = Optional.ofNullable(request.requestHeaders().get("Authorization"))
                .filter(header -> header.startsWith("Basic "))
                .map(header -> new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8))
                .orElse(null);
        return Http.queryAndForm(request).flatMap(parameters -> {
            String clientId = basic != null ? basic.substring(0, basic.indexOf(':')) : first(parameters, "client_id");
            String secret = basic != null ? basic.substring(basic.indexOf(':') + 1) : first(parameters,
                    "client_secret");
            if (!CLIENT_ID.equals(clientId) || !CLIENT_SECRET.equals(secret)) {
                return json(response, 401, Map.of("error", "invalid_client"));
            }
            Grant grant = switch (Optional.ofNullable(first(parameters, "grant_type")).orElse("")) {
                case "authorization_code" -> Optional.ofNullable(codes.remove(
                                Optional.ofNullable(first(parameters, "code")).orElse("")))
                        .filter(g -> g.redirectUri().equals(first(parameters, "redirect_uri")))
                        .filter(g -> g.pkce() == null || g.pkce().verifiedBy(first(parameters, "code_verifier")))
                        .orElse(null);
                case "refresh_token" -> refreshTokens.remove(
                        Optional.ofNullable(first(parameters, "refresh_token")).orElse(""));
                default -> null;
            };
            if (grant == null) {
                return json(response, 400, Map.of("error", "invalid_grant",
                        "error_description", "Invalid \"code\" or \"refresh_token\" in request."));
            }
            String access = UUID.randomUUID().toString().replace("-", "");
            String refresh = UUID.randomUUID().toString().replace("-", "");
            accessTokens.put(access, grant);
            refreshTokens.put(refresh, grant);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", access);
            body.put("token_type", "Bearer");
            body.put("expires_in", 604800);
            body.put("refresh_token", refresh);
            body.put("scope", grant.scope());
            return json(response, 200, body);
        });
    }

    private Mono<Void> me(HttpServerRequest request, HttpServerResponse response) {
        Grant grant = Optional.ofNullable(request.requestHeaders().get("Authorization"))
                .filter(header -> header.startsWith("Bearer "))
                .map(header -> accessTokens.get(header.substring(7))).orElse(null);
        if (grant == null) {
            return json(response, 401, discordError("401: Unauthorized", 0));
        }
        SimDiscordUser user = user(grant.username());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", user.id());
        body.put("username", user.username());
        body.put("global_name", user.globalName());
        body.put("avatar", null);
        body.put("discriminator", "0");
        if (List.of(grant.scope().split("[ +]")).contains("email")) {
            body.put("email", user.email());
            body.put("verified", true);
        }
        return json(response, 200, body);
    }

    private String snowflake() {
        return Long.toString(snowflakes.getAndIncrement());
    }
}
