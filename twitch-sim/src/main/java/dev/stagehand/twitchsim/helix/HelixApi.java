package dev.stagehand.twitchsim.helix;

import static dev.stagehand.twitchsim.http.Http.first;
import static dev.stagehand.twitchsim.http.Http.json;

import dev.stagehand.twitchsim.chat.TwitchEmotes;
import dev.stagehand.twitchsim.emotes.ChatBadges;
import dev.stagehand.twitchsim.eventsub.EventSubHub;
import dev.stagehand.twitchsim.http.FaultyRoutes;
import dev.stagehand.twitchsim.http.Http;
import dev.stagehand.twitchsim.world.SimGame;
import dev.stagehand.twitchsim.world.SimStream;
import dev.stagehand.twitchsim.world.SimToken;
import dev.stagehand.twitchsim.world.SimUser;
import dev.stagehand.twitchsim.world.SimWorld;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * Twitch's Helix API ({@code api.twitch.tv/helix}) for what Stagehand uses: users, streams, games and clips, with Twitch's
 * authentication errors, {@code Ratelimit-*} headers and 429 when a token's bucket is empty.
 */
public final class HelixApi {

    private static final int BUCKET_POINTS = 800;
    private static final int MAX_IDS = 100;

    private static final float DEFAULT_CLIP_SECONDS = 30;

    private final SimWorld world;
    private final SimClips clips;
    private final ClipPages pages;
    private final EventSubHub eventSub;
    private final TwitchEmotes emotes;
    private final ChatBadges badges;
    private final FaultyRoutes faulty;
    private final Map<String, PointBucket> buckets = new ConcurrentHashMap<>();

    public HelixApi(SimWorld world, SimClips clips, ClipPages pages, EventSubHub eventSub, TwitchEmotes emotes,
                    ChatBadges badges, FaultyRoutes faulty) {
        this.world = world;
        this.clips = clips;
        this.pages = pages;
        this.eventSub = eventSub;
        this.emotes = emotes;
        this.badges = badges;
        this.faulty = faulty;
    }

    public void register(HttpServerRoutes routes) {
        routes.get("/helix/users", faulty.wrap(authenticated(this::users)))
                .get("/helix/streams", faulty.wrap(authenticated(this::streams)))
                .get("/helix/games", faulty.wrap(authenticated(this::games)))
                .get("/helix/channels", faulty.wrap(authenticated(this::channels)))
                .post("/helix/clips", faulty.wrap(authenticated(this::createClip)))
                .get("/helix/clips", faulty.wrap(authenticated(this::clips)))
                .get("/helix/chat/emotes/global", faulty.wrap(authenticated((request, response, token, p) ->
                        json(response, 200, emotesBody(emotes.global(), null)))))
                .get("/helix/chat/emotes", faulty.wrap(authenticated((request, response, token, p) -> {
                    Optional<SimUser> broadcaster = Optional.ofNullable(first(p, "broadcaster_id"))
                            .flatMap(world::userById);
                    if (broadcaster.isEmpty()) {
                        return json(response, 400, error(400, "Bad Request",
                                "Missing or unknown required parameter \"broadcaster_id\""));
                    }
                    return json(response, 200, emotesBody(emotes.channel(broadcaster.get().login()),
                            broadcaster.get()));
                })))
                .get("/helix/chat/badges/global", faulty.wrap(authenticated((request, response, token, p) ->
                        json(response, 200, Map.of("data", badges.global())))))
                .get("/helix/chat/badges", faulty.wrap(authenticated((request, response, token, p) ->
                        Optional.ofNullable(first(p, "broadcaster_id")).flatMap(world::userById)
                                .map(broadcaster -> json(response, 200,
                                        Map.of("data", badges.channelSets(broadcaster.id()))))
                                .orElseGet(() -> json(response, 400, error(400, "Bad Request",
                                        "Missing or unknown required parameter \"broadcaster_id\""))))))
                .post("/helix/eventsub/subscriptions", faulty.wrap(authenticated((request, response, token, p) ->
                        Http.readJson(request)
                                .map(body -> body instanceof Map<?, ?> map
                                        ? eventSub.subscribe(token.clientId(), token.user(), map)
                                        : eventSub.subscribe(token.clientId(), token.user(), Map.of()))
                                .onErrorResume(malformed -> Mono.just(new EventSubHub.Answer(400, error(400,
                                        "Bad Request", "The request body is not valid JSON"))))
                                .switchIfEmpty(Mono.fromSupplier(() -> new EventSubHub.Answer(400, error(400,
                                        "Bad Request", "The request body is missing"))))
                                .flatMap(answer -> answer(response, answer)))))
                .get("/helix/eventsub/subscriptions", faulty.wrap(authenticated((request, response, token, p) ->
                        answer(response, eventSub.list(token.clientId(), token.user(), first(p, "type"),
                                first(p, "status"), first(p, "after"), first(p, "first"))))))
                .delete("/helix/eventsub/subscriptions", faulty.wrap(authenticated((request, response, token, p) ->
                        answer(response, eventSub.delete(token.clientId(), first(p, "id"))))));
    }

    private static Mono<Void> answer(HttpServerResponse response, EventSubHub.Answer answer) {
        return answer.status() == 204 ? response.status(204).send() : json(response, answer.status(), answer.body());
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
        List<SimStream> matching = world.liveStreams().stream()
                .filter(s -> userIds.isEmpty() && userLogins.isEmpty()
                        || userIds.contains(s.broadcaster().id()) || userLogins.contains(s.broadcaster().login()))
                .filter(s -> gameIds.isEmpty() || gameIds.contains(s.game().id()))
                .filter(s -> languages.isEmpty() || languages.contains(s.language()))
                .toList();
        return page(response, parameters, matching, HelixApi::streamJson);
    }

    /** A channel's current settings: its live stream's, or those of its last stream, or empty for a new channel. */
    private Mono<Void> channels(HttpServerRequest request, HttpServerResponse response, SimToken token,
                                Map<String, List<String>> parameters) {
        List<String> ids = parameters.getOrDefault("broadcaster_id", List.of());
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            return json(response, 400, error(400, "Bad Request",
                    "Between 1 and " + MAX_IDS + " broadcaster_id parameters are required"));
        }
        List<Map<String, Object>> channels = ids.stream().map(world::userById).flatMap(Optional::stream)
                .map(user -> channelJson(user, world.lastStream(user.id()).orElse(null))).toList();
        return json(response, 200, Map.of("data", channels));
    }

    private static Map<String, Object> channelJson(SimUser user, SimStream stream) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("broadcaster_id", user.id());
        json.put("broadcaster_login", user.login());
        json.put("broadcaster_name", user.displayName());
        json.put("broadcaster_language", stream == null ? "en" : stream.language());
        json.put("game_id", stream == null ? "" : stream.game().id());
        json.put("game_name", stream == null ? "" : stream.game().name());
        json.put("title", stream == null ? "" : stream.title());
        json.put("delay", 0);
        json.put("tags", stream == null ? List.of() : stream.tags());
        json.put("content_classification_labels", List.of());
        json.put("is_branded_content", false);
        return json;
    }

    private Mono<Void> createClip(HttpServerRequest request, HttpServerResponse response, SimToken token,
                                  Map<String, List<String>> parameters) {
        if (token.user() == null) {
            return json(response, 401, error(401, "Unauthorized", "The OAuth token must be a user access token"));
        }
        if (!token.hasScope("clips:edit")) {
            return json(response, 401, error(401, "Unauthorized", "Missing scope: clips:edit"));
        }
        String broadcasterId = first(parameters, "broadcaster_id");
        if (broadcasterId == null) {
            return json(response, 400, error(400, "Bad Request", "Missing required parameter \"broadcaster_id\""));
        }
        float duration;
        try {
            duration = Optional.ofNullable(first(parameters, "duration")).map(Float::parseFloat)
                    .orElse(DEFAULT_CLIP_SECONDS);
        } catch (NumberFormatException malformed) {
            duration = -1;
        }
        if (duration < 5 || duration > 60) {
            return json(response, 400, error(400, "Bad Request", "The duration must be between 5 and 60 seconds"));
        }
        Optional<SimStream> stream = world.liveStream(broadcasterId);
        if (stream.isEmpty()) {
            return json(response, 404, error(404, "Not Found",
                    "The broadcaster in the broadcaster_id query parameter must be broadcasting live."));
        }
        Optional<String> refusal = clips.refusal(broadcasterId, token.user().id());
        if (refusal.isPresent()) {
            return json(response, 403, error(403, "Forbidden", refusal.get()));
        }
        SimClip clip = clips.create(stream.get(), token.user(), world.now(), duration);
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("edit_url", pages.pageUrl(clip) + "/edit");
        created.put("id", clip.id());
        return json(response, 202, Map.of("data", List.of(created)));
    }

    private Mono<Void> clips(HttpServerRequest request, HttpServerResponse response, SimToken token,
                             Map<String, List<String>> parameters) {
        List<String> ids = parameters.getOrDefault("id", List.of());
        String broadcasterId = first(parameters, "broadcaster_id");
        String gameId = first(parameters, "game_id");
        long selectors = Stream.of(ids.isEmpty() ? null : ids, broadcasterId, gameId).filter(s -> s != null).count();
        if (selectors != 1 || ids.size() > MAX_IDS) {
            return json(response, 400, error(400, "Bad Request",
                    "Exactly one of broadcaster_id, game_id or up to 100 id parameters is required"));
        }
        Optional<Instant> startedAt = instant(first(parameters, "started_at"));
        Optional<Instant> endedAt = instant(first(parameters, "ended_at"));
        if (startedAt == null || endedAt == null) {
            return json(response, 400, error(400, "Bad Request", "started_at and ended_at must be RFC3339 times"));
        }
        List<SimClip> matching = clips.visible(world.now()).stream()
                .filter(clip -> ids.isEmpty() || ids.contains(clip.id()))
                .filter(clip -> broadcasterId == null || clip.stream().broadcaster().id().equals(broadcasterId))
                .filter(clip -> gameId == null || clip.stream().game().id().equals(gameId))
                .filter(clip -> startedAt.map(from -> !clip.createdAt().isBefore(from)).orElse(true))
                .filter(clip -> endedAt.map(to -> !clip.createdAt().isAfter(to)).orElse(true))
                .toList();
        return page(response, parameters, matching, this::clipJson);
    }

    /** Writes one page of {@code items} per the request's {@code first} and {@code after}, with its cursor. */
    private static <T> Mono<Void> page(HttpServerResponse response, Map<String, List<String>> parameters,
                                       List<T> items, Function<T, Map<String, Object>> toJson) {
        Optional<Integer> first = pageSize(first(parameters, "first"));
        if (first.isEmpty()) {
            return json(response, 400, error(400, "Bad Request",
                    "The parameter \"first\" was malformed: the value must be between 1 and 100"));
        }
        Optional<Integer> offset = cursor(first(parameters, "after"));
        if (offset.isEmpty()) {
            return json(response, 400, error(400, "Bad Request", "The parameter \"after\" was malformed"));
        }
        int from = Math.min(offset.get(), items.size());
        int to = Math.min(from + first.get(), items.size());
        Map<String, Object> pagination = to < items.size() ? Map.of("cursor", cursorFor(to)) : Map.of();
        return json(response, 200, Map.of(
                "data", items.subList(from, to).stream().map(toJson).toList(),
                "pagination", pagination));
    }

    /** Empty when absent, null when malformed. */
    private static Optional<Instant> instant(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException malformed) {
            return null;
        }
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

    private static Map<String, Object> emotesBody(Map<String, String> codesToIds, SimUser broadcaster) {
        List<Map<String, Object>> data = codesToIds.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> {
                    String base = "https://static-cdn.jtvnw.net/emoticons/v2/" + entry.getValue() + "/static/light/";
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("id", entry.getValue());
                    json.put("name", entry.getKey());
                    json.put("images", Map.of("url_1x", base + "1.0", "url_2x", base + "2.0", "url_4x", base + "3.0"));
                    if (broadcaster != null) {
                        json.put("tier", "1000");
                        json.put("emote_type", "subscriptions");
                        json.put("emote_set_id", "3" + broadcaster.id());
                    }
                    json.put("format", List.of("static"));
                    json.put("scale", List.of("1.0", "2.0", "3.0"));
                    json.put("theme_mode", List.of("light", "dark"));
                    return json;
                }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("template", "https://static-cdn.jtvnw.net/emoticons/v2/{{id}}/{{format}}/{{theme_mode}}/{{scale}}");
        return body;
    }

    private Map<String, Object> clipJson(SimClip clip) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", clip.id());
        json.put("url", pages.pageUrl(clip));
        json.put("embed_url", pages.pageUrl(clip) + "?embed=true");
        json.put("broadcaster_id", clip.stream().broadcaster().id());
        json.put("broadcaster_name", clip.stream().broadcaster().displayName());
        json.put("creator_id", clip.creator().id());
        json.put("creator_name", clip.creator().displayName());
        json.put("video_id", "");
        json.put("game_id", clip.stream().game().id());
        json.put("language", clip.stream().language());
        json.put("title", clip.stream().title());
        json.put("view_count", 0);
        json.put("created_at", timestamp(clip.createdAt()));
        json.put("thumbnail_url", pages.thumbnailUrl(clip));
        json.put("duration", clip.duration());
        json.put("vod_offset", null);
        json.put("is_featured", false);
        return json;
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
