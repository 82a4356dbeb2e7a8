package dev.stagehand.twitchsim.helix;

import static dev.stagehand.twitchsim.http.Http.first;
import static dev.stagehand.twitchsim.http.Http.json;

import dev.stagehand.twitchsim.http.Http;
import dev.stagehand.twitchsim.world.SimGame;
import dev.stagehand.twitchsim.world.SimStream;
import dev.stagehand.twitchsim.world.SimToken;
import dev.stagehand.twitchsim.world.SimUser;
import dev.stagehand.twitchsim.world.SimWorld;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * Twitch's Helix API ({@code api.twitch.tv/helix}) for what Stagehand uses: users, streams and games, with Twitch's
 * authentication errors, {@code Ratelimit-*} headers and 429 when a token's bucket is empty.
 */
public final class HelixApi {

    private static final int BUCKET_POINTS = 800;
    private static final int MAX_IDS = 100;

    private final SimWorld world;
    private final Map<String, PointBucket> buckets = new ConcurrentHashMap<>();

    public HelixApi(SimWorld world) {
        this.world = world;
    }

    public void register(HttpServerRoutes routes) {
        routes.get("/helix/users", authenticated(this::users))
                .get("/helix/streams", authenticated(this::streams))
                .get("/helix/games", authenticated(this::games));
    }

    private interface Handler {
        Mono<Void> handle(HttpServerRequest request, HttpServerResponse response, SimToken token,
                          Map<String, List<String>> parameters);
    }

    private BiFunction<HttpServerRequest, HttpServerResponse, Mono<Void>> authenticated(Handler handler) {
        return (request, response) -> {
            String authorization = request.requestHeaders().get("Authorization");
            if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return json(response, 401, error(401, "Unauthorized", "OAuth token is missing"));
            }
            Optional<SimToken> token = world.token(authorization.substring(7).strip());
            if (token.isEmpty()) {
                return json(response, 401, error(401, "Unauthorized", "Invalid OAuth token"));
            }
            if (!token.get().clientId().equals(request.requestHeaders().get("Client-Id"))) {
                return json(response, 401, error(401, "Unauthorized", "Client ID and OAuth token do not match"));
            }
            PointBucket bucket = buckets.computeIfAbsent(token.get().accessToken(), key -> new PointBucket(BUCKET_POINTS));
            boolean allowed = bucket.tryTake();
            response.header("Ratelimit-Limit", Integer.toString(bucket.capacity()))
                    .header("Ratelimit-Remaining", Integer.toString(bucket.remaining()))
                    .header("Ratelimit-Reset", Long.toString(bucket.resetEpochSecond()));
            if (!allowed) {
                return json(response, 429, error(429, "Too Many Requests", ""));
            }
            return handler.handle(request, response, token.get(), Http.query(request));
        };
    }

    private Mono<Void> users(HttpServerRequest request, HttpServerResponse response, SimToken token,
                             Map<String, List<String>> parameters) {
        List<String> ids = parameters.getOrDefault("id", List.of());
        List<String> logins = parameters.getOrDefault("login", List.of());
        if (ids.size() + logins.size() > MAX_IDS) {
            return json(response, 400, error(400, "Bad Request",
                    "The parameters must include no more than " + MAX_IDS + " entries"));
        }
        List<SimUser> users;
        if (ids.isEmpty() && logins.isEmpty()) {
            if (token.user() == null) {
                return json(response, 400, error(400, "Bad Request", "Must provide an ID, Login or OAuth Token"));
            }
            users = List.of(token.user());
        } else {
            users = Stream.concat(ids.stream().map(world::userById), logins.stream().map(world::userByLogin))
                    .flatMap(Optional::stream).distinct().toList();
        }
        return json(response, 200, Map.of("data", users.stream().map(HelixApi::userJson).toList()));
    }

    private Mono<Void> streams(HttpServerRequest request, HttpServerResponse response, SimToken token,
                               Map<String, List<String>> parameters) {
        List<String> userIds = parameters.getOrDefault("user_id", List.of());
        List<String> userLogins = parameters.getOrDefault("user_login", List.of()).stream()
                .map(String::toLowerCase).toList();
        List<String> gameIds = parameters.getOrDefault("game_id", List.of());
        List<String> languages = parameters.getOrDefault("language", List.of());
        if (userIds.size() > MAX_IDS || userLogins.size() > MAX_IDS || gameIds.size() > MAX_IDS) {
            return json(response, 400, error(400, "Bad Request",
                    "The parameters must include no more than " + MAX_IDS + " entries"));
        }
        Optional<Integer> first = pageSize(first(parameters, "first"));
        if (first.isEmpty()) {
            return json(response, 400, error(400, "Bad Request",
                    "The parameter \"first\" was malformed: the value must be between 1 and 100"));
        }
        Optional<Integer> offset = cursor(first(parameters, "after"));
        if (offset.isEmpty()) {
            return json(response, 400, error(400, "Bad Request", "The parameter \"after\" was malformed"));
        }
        List<SimStream> matching = world.liveStreams().stream()
                .filter(s -> userIds.isEmpty() && userLogins.isEmpty()
                        || userIds.contains(s.broadcaster().id()) || userLogins.contains(s.broadcaster().login()))
                .filter(s -> gameIds.isEmpty() || gameIds.contains(s.game().id()))
                .filter(s -> languages.isEmpty() || languages.contains(s.language()))
                .toList();
        int from = Math.min(offset.get(), matching.size());
        int to = Math.min(from + first.get(), matching.size());
        Map<String, Object> pagination = to < matching.size() ? Map.of("cursor", cursorFor(to)) : Map.of();
        return json(response, 200, Map.of(
                "data", matching.subList(from, to).stream().map(HelixApi::streamJson).toList(),
                "pagination", pagination));
    }

    private Mono<Void> games(HttpServerRequest request, HttpServerResponse response, SimToken token,
                             Map<String, List<String>> parameters) {
        List<String> ids = parameters.getOrDefault("id", List.of());
        List<String> names = parameters.getOrDefault("name", List.of());
        if (ids.isEmpty() && names.isEmpty()) {
            return json(response, 400, error(400, "Bad Request", "Missing required parameter \"id\" or \"name\""));
        }
        List<Map<String, Object>> games = new ArrayList<>();
        for (SimGame game : world.games()) {
            if (ids.contains(game.id()) || names.stream().anyMatch(name -> name.equalsIgnoreCase(game.name()))) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", game.id());
                json.put("name", game.name());
                json.put("box_art_url", game.boxArtUrl());
                json.put("igdb_id", "");
                games.add(json);
            }
        }
        return json(response, 200, Map.of("data", games));
    }

    private static Optional<Integer> pageSize(String first) {
        if (first == null) {
            return Optional.of(20);
        }
        try {
            int size = Integer.parseInt(first);
            return size >= 1 && size <= 100 ? Optional.of(size) : Optional.empty();
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }

    /** Cursors are opaque to clients; here they carry the offset of the next page. */
    private static String cursorFor(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"o\":" + offset + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Integer> cursor(String after) {
        if (after == null || after.isEmpty()) {
            return Optional.of(0);
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            return Optional.of(Integer.parseInt(decoded.replaceAll("[^0-9]", "")));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> userJson(SimUser user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", user.id());
        json.put("login", user.login());
        json.put("display_name", user.displayName());
        json.put("type", "");
        json.put("broadcaster_type", user.broadcasterType());
        json.put("description", "");
        json.put("profile_image_url", user.profileImageUrl());
        json.put("offline_image_url", "");
        json.put("view_count", 0);
        json.put("created_at", timestamp(user.createdAt()));
        return json;
    }

    private static Map<String, Object> streamJson(SimStream stream) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", stream.id());
        json.put("user_id", stream.broadcaster().id());
        json.put("user_login", stream.broadcaster().login());
        json.put("user_name", stream.broadcaster().displayName());
        json.put("game_id", stream.game().id());
        json.put("game_name", stream.game().name());
        json.put("type", "live");
        json.put("title", stream.title());
        json.put("tags", stream.tags());
        json.put("viewer_count", stream.viewerCount());
        json.put("started_at", timestamp(stream.startedAt()));
        json.put("language", stream.language());
        json.put("thumbnail_url", stream.thumbnailUrl());
        json.put("tag_ids", List.of());
        json.put("is_mature", stream.mature());
        return json;
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Map<String, Object> error(int status, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("status", status);
        body.put("message", message);
        return body;
    }
}
