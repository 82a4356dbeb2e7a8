package dev.stagehand.twitchsim.scenario;

import static dev.stagehand.twitchsim.http.Http.first;
import static dev.stagehand.twitchsim.http.Http.json;

import dev.stagehand.twitchsim.auth.OAuthApi;
import dev.stagehand.twitchsim.chat.SimChat;
import dev.stagehand.twitchsim.discord.SimDiscord;
import dev.stagehand.twitchsim.discord.SimWebhook;
import dev.stagehand.twitchsim.eventsub.EventSubHub;
import dev.stagehand.twitchsim.helix.SimClips;
import dev.stagehand.twitchsim.http.Http;
import dev.stagehand.twitchsim.http.HttpFaults;
import dev.stagehand.twitchsim.world.SimStream;
import dev.stagehand.twitchsim.world.SimWorld;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The simulator's own HTTP control API under {@code /sim}, for the demo, for testers and for trying things by hand:
 * see the simulated world or one channel of it; make channels chat (lines with any tags too), burst, subscribe, gift
 * waves of subs, raid, go live or offline; turn a channel's clips off or refuse one user's there; choose who the next
 * OAuth approval logs in as; create Discord webhooks, read what reached them and make them answer 429; inject faults.
 * {@code GET /sim} in a browser lists every route.
 */
public final class ControlApi {

    private final SimWorld world;
    private final SimChat chat;
    private final SimScenario scenario;
    private final EventSubHub eventSub;
    private final SimClips clips;
    private final SimDiscord discord;
    private final HttpFaults faults;
    private final OAuthApi oauth;

    public ControlApi(SimWorld world, SimChat chat, SimScenario scenario, EventSubHub eventSub, SimClips clips,
                      SimDiscord discord, HttpFaults faults, OAuthApi oauth) {
        this.discord = discord;
        this.oauth = oauth;
        this.world = world;
        this.chat = chat;
        this.scenario = scenario;
        this.eventSub = eventSub;
        this.clips = clips;
        this.faults = faults;
    }

    /** A control route: what it takes and does, as the {@code /sim} page lists it. */
    private record Route(String method, String path, String parameters, String does,
                         BiFunction<HttpServerRequest, HttpServerResponse, Mono<Void>> handler) {
    }

    private List<Route> routes() {
        return List.of(
                new Route("GET", "/sim", "", "this page; the simulated world as JSON for Accept: application/json",
                        this::home),
                new Route("GET", "/sim/channels/{login}", "", "one channel (a new Twitch user on first use): live, title, game, chat rate, clients",
                        (request, response) -> json(response, 200,
                                channel(world.user(request.param("login")).login(), scenario.rates()))),
                new Route("POST", "/sim/oauth/approve", "login", "the next Twitch login approves as this user "
                        + "(created on first use)", (request, response) -> act(request, response, p -> {
                            oauth.approveAs(required(p, "login"));
                            return "approving as " + required(p, "login");
                        })),
                new Route("POST", "/sim/channels/{login}/chat", "audience=200, rate=2",
                        "steady chat from an audience, messages a second (0 stops it)",
                        (request, response) -> act(request, response, p -> {
                            scenario.chat(request.param("login"), (int) number(p, "audience", 200),
                                    number(p, "rate", 2));
                            return "chatting";
                        })),
                new Route("POST", "/sim/channels/{login}/burst", "rate=40, seconds=8", "a burst of chat on top",
                        (request, response) -> act(request, response, p -> {
                            scenario.burst(request.param("login"), number(p, "rate", 40),
                                    Duration.ofMillis((long) (number(p, "seconds", 8) * 1000)));
                            return "bursting";
                        })),
                new Route("POST", "/sim/channels/{login}/say", "user, text, badges?", "one chat message",
                        (request, response) -> act(request, response, p -> chat.say(request.param("login"),
                                required(p, "user"), required(p, "text"), first(p, "badges")))),
                new Route("POST", "/sim/channels/{login}/line", "user, text, tags (k=v;k=v)",
                        "one chat message with any tags set (bits, first-msg, reply-parent-*, source-room-id…)",
                        (request, response) -> act(request, response, p -> chat.sayWithTags(request.param("login"),
                                required(p, "user"), required(p, "text"), tags(first(p, "tags"))))),
                new Route("POST", "/sim/channels/{login}/subscribe", "user, months=1, text?", "a sub or resub",
                        (request, response) -> act(request, response, p -> {
                            chat.subscribe(request.param("login"), required(p, "user"),
                                    (int) number(p, "months", 1), first(p, "text"));
                            return "subscribed";
                        })),
                new Route("POST", "/sim/channels/{login}/gifts", "from, count=5",
                        "a wave of gifted subs: one community gift, then each sub",
                        (request, response) -> act(request, response, p -> {
                            chat.giftWave(request.param("login"), required(p, "from"), (int) number(p, "count", 5));
                            return "gifted";
                        })),
                new Route("POST", "/sim/channels/{login}/raid", "from, viewers=50", "a raid arrives",
                        (request, response) -> act(request, response, p -> {
                            chat.raid(request.param("login"), required(p, "from"), (int) number(p, "viewers", 50));
                            return "raided";
                        })),
                new Route("POST", "/sim/channels/{login}/delete", "user, id, text?", "a moderator deletes a message",
                        (request, response) -> act(request, response, p -> {
                            chat.deleteMessage(request.param("login"), required(p, "user"), required(p, "id"),
                                    Optional.ofNullable(first(p, "text")).orElse(""));
                            return "deleted";
                        })),
                new Route("POST", "/sim/channels/{login}/ban", "user", "a moderator bans a chatter",
                        (request, response) -> act(request, response, p -> {
                            chat.ban(request.param("login"), required(p, "user"));
                            return "banned";
                        })),
                new Route("POST", "/sim/channels/{login}/clear", "", "a moderator clears the chat",
                        (request, response) -> act(request, response, p -> {
                            chat.clearChat(request.param("login"));
                            return "cleared";
                        })),
                new Route("POST", "/sim/channels/{login}/clips", "enabled?, refuse? (a login)",
                        "clips on or off in the channel; a user whose clips Twitch refuses there (403)",
                        (request, response) -> act(request, response, p -> {
                            String broadcasterId = world.user(request.param("login")).id();
                            String enabled = first(p, "enabled");
                            if (enabled != null) {
                                clips.enable(broadcasterId, Boolean.parseBoolean(enabled));
                            }
                            Optional.ofNullable(first(p, "refuse")).ifPresent(clipper ->
                                    clips.refuse(broadcasterId, world.user(clipper).id()));
                            return clips.describe(broadcasterId);
                        })),
                new Route("POST", "/sim/channels/{login}/live", "game_id=509658, game=Just Chatting, title, "
                        + "viewers=100", "goes live, or changes the live stream",
                        (request, response) -> act(request, response, p -> {
                            String gameId = Optional.ofNullable(first(p, "game_id")).orElse("509658");
                            String gameName = Optional.ofNullable(first(p, "game")).orElse("Just Chatting");
                            world.goLive(request.param("login"), world.game(gameId, gameName),
                                    Optional.ofNullable(first(p, "title")).orElse("Live with the simulator"),
                                    (int) number(p, "viewers", 100));
                            return "live";
                        })),
                new Route("DELETE", "/sim/channels/{login}/live", "", "goes offline",
                        (request, response) -> act(request, response, p -> {
                            world.goOffline(request.param("login"));
                            return "offline";
                        })),
                new Route("POST", "/sim/chat/reconnect", "", "every chat client is told to RECONNECT",
                        (request, response) -> act(request, response, p -> {
                            chat.reconnectAll();
                            return "RECONNECT sent";
                        })),
                new Route("POST", "/sim/chat/drop", "", "every chat connection is closed without warning",
                        (request, response) -> act(request, response, p -> {
                            chat.dropAllConnections();
                            return "connections dropped";
                        })),
                new Route("POST", "/sim/eventsub/reconnect", "", "every EventSub socket gets session_reconnect",
                        (request, response) -> act(request, response, p -> {
                            eventSub.reconnectAll();
                            return "session_reconnect sent";
                        })),
                new Route("POST", "/sim/eventsub/close", "code=4000", "every EventSub socket is closed (4000–4007)",
                        (request, response) -> act(request, response, p -> {
                            int code = (int) number(p, "code", 4000);
                            if (code < 4000 || code > 4007) {
                                throw new IllegalArgumentException("code must be one of Twitch's close codes, 4000 "
                                        + "to 4007");
                            }
                            eventSub.closeAll(code);
                            return "closed with " + code;
                        })),
                new Route("POST", "/sim/discord/webhooks", "name=Stagehand test", "a Discord webhook: its URL",
                        this::createWebhook),
                new Route("GET", "/sim/discord/webhooks", "", "every Discord webhook, with what reached it",
                        (request, response) -> json(response, 200, discord.webhooks().stream()
                                .map(webhook -> webhookJson(request, webhook)).toList())),
                new Route("GET", "/sim/discord/webhooks/{id}/requests", "",
                        "every request the webhook received: method, body, time, status, traceparent, refused ones too",
                        (request, response) -> json(response, 200, discord.requestsTo(request.param("id")))),
                new Route("GET", "/sim/discord/webhooks/{id}/messages", "",
                        "the messages the webhook's channel shows now (edits applied, deleted ones gone)",
                        (request, response) -> json(response, 200, discord.channelMessages(request.param("id")))),
                new Route("DELETE", "/sim/discord/webhooks/{id}", "",
                        "the webhook is deleted, as a server admin does in Discord: it answers 404 Unknown Webhook",
                        (request, response) -> act(request, response, p -> {
                            discord.deleteWebhook(request.param("id"));
                            return "deleted";
                        })),
                new Route("POST", "/sim/discord/webhooks/{id}/rate-limit", "retry_after=5 (seconds), headers=true",
                        "the webhook's next request gets a 429, with or without Discord's rate-limit headers",
                        (request, response) -> act(request, response, p -> {
                            discord.rateLimitNext(request.param("id"),
                                    Duration.ofMillis((long) (number(p, "retry_after", 5) * 1000)),
                                    !"false".equals(first(p, "headers")));
                            return "the next request is rate limited";
                        })),
                new Route("POST", "/sim/faults", "path, status=500, times=1",
                        "the next requests to a path fail with this status",
                        (request, response) -> act(request, response, p -> {
                            faults.failNext(required(p, "path"), (int) number(p, "status", 500),
                                    (int) number(p, "times", 1));
                            return "failing";
                        })),
                new Route("POST", "/sim/faults/delay", "path, ms=1000", "requests to a path answer this late",
                        (request, response) -> act(request, response, p -> {
                            faults.delay(required(p, "path"), Duration.ofMillis((long) number(p, "ms", 1000)));
                            return "delaying";
                        })),
                new Route("DELETE", "/sim/faults", "path (optional)", "no more faults (or none for this path)",
                        (request, response) -> act(request, response, p -> {
                            String path = first(p, "path");
                            if (path == null) {
                                faults.clear();
                                return "no faults";
                            }
                            faults.clear(path);
                            return "no faults for " + path;
                        })));
    }

    public void register(HttpServerRoutes routes) {
        for (Route route : routes()) {
            switch (route.method()) {
                case "GET" -> routes.get(route.path(), route.handler());
                case "POST" -> routes.post(route.path(), route.handler());
                case "DELETE" -> routes.delete(route.path(), route.handler());
                default -> throw new IllegalStateException(route.method());
            }
        }
    }

    /** JSON for scripts ({@code Accept: application/json}); for a browser, a page of the routes and the world. */
    private Mono<Void> home(HttpServerRequest request, HttpServerResponse response) {
        String accept = Optional.ofNullable(request.requestHeaders().get("Accept")).orElse("");
        if (!accept.contains("text/html")) {
            return json(response, 200, state());
        }
        return response.status(200).header("Content-Type", "text/html; charset=utf-8")
                .sendString(Mono.just(ControlPage.html(routes().stream()
                        .map(route -> new ControlPage.Row(route.method(), route.path(), route.parameters(),
                                route.does())).toList(), state(), discord.webhooks().size())))
                .then();
    }

    private Mono<Void> createWebhook(HttpServerRequest request, HttpServerResponse response) {
        String name = Optional.ofNullable(first(Http.query(request), "name")).orElse("Stagehand test");
        return json(response, 200, webhookJson(request, discord.createWebhook(name)));
    }

    private Map<String, Object> webhookJson(HttpServerRequest request, SimWebhook webhook) {
        String host = Optional.ofNullable(request.requestHeaders().get("Host")).orElse("127.0.0.1");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", webhook.id());
        json.put("name", webhook.name());
        json.put("url", webhook.url("http://" + host + "/discord"));
        json.put("channelId", webhook.channelId());
        json.put("guildId", webhook.guildId());
        json.put("messages", discord.deliveriesTo(webhook.id()).size());
        return json;
    }

    /** {@code k=v;k=v} as Twitch writes tags, values as they read (not escaped). */
    private static Map<String, String> tags(String written) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (written == null || written.isBlank()) {
            return tags;
        }
        for (String tag : written.split(";")) {
            int equals = tag.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("tags must read k=v;k=v, not '" + written + "'");
            }
            tags.put(tag.substring(0, equals), tag.substring(equals + 1));
        }
        return tags;
    }

    private Mono<Void> act(HttpServerRequest request, HttpServerResponse response,
                           Function<Map<String, List<String>>, String> action) {
        try {
            return json(response, 200, Map.of("result", action.apply(Http.query(request))));
        } catch (IllegalArgumentException bad) {
            return json(response, 400, Map.of("error", bad.getMessage()));
        }
    }

    private Map<String, Object> state() {
        Map<String, Double> rates = scenario.rates();
        TreeSet<String> logins = new TreeSet<>(rates.keySet());
        world.liveStreams().forEach(stream -> logins.add(stream.broadcaster().login()));
        List<Map<String, Object>> channels = logins.stream().map(login -> channel(login, rates)).toList();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("channels", channels);
        state.put("eventSubSessions", eventSub.connectedSessions());
        state.put("eventSubSubscriptions", eventSub.subscriptionCount());
        state.put("clips", clips.all().size());
        return state;
    }

    private Map<String, Object> channel(String login, Map<String, Double> rates) {
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("login", login);
        channel.put("id", world.user(login).id());
        Optional<SimStream> live = world.liveStream(world.user(login).id());
        channel.put("live", live.isPresent());
        live.ifPresent(stream -> {
            channel.put("title", stream.title());
            channel.put("game", stream.game().name());
            channel.put("viewers", stream.viewerCount());
        });
        channel.put("chatMessagesPerSecond", rates.getOrDefault(login, 0.0));
        channel.put("chatClients", chat.viewersConnected(login));
        return channel;
    }

    private static double number(Map<String, List<String>> parameters, String name, double fallback) {
        String value = first(parameters, name);
        if (value == null) {
            return fallback;
        }
        try {
            double number = Double.parseDouble(value);
            if (number < 0 || Double.isNaN(number) || Double.isInfinite(number)) {
                throw new IllegalArgumentException(name + " must be a number of zero or more");
            }
            return number;
        } catch (NumberFormatException malformed) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }

    private static String required(Map<String, List<String>> parameters, String name) {
        String value = first(parameters, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
