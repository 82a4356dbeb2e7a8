package dev.stagehand.twitchsim.scenario;

import static dev.stagehand.twitchsim.http.Http.first;
import static dev.stagehand.twitchsim.http.Http.json;

import dev.stagehand.twitchsim.auth.OAuthApi;
import dev.stagehand.twitchsim.chat.SimChat;
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
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The simulator's own HTTP control API under {@code /sim}, for the demo and for trying things by hand: see the
 * simulated world or one channel of it, make channels chat, burst, go live or offline, turn a channel's clips off or
 * refuse one user's clips there, choose who the next OAuth approval logs in as, and inject faults.
 */
public final class ControlApi {

    private final SimWorld world;
    private final SimChat chat;
    private final SimScenario scenario;
    private final EventSubHub eventSub;
    private final SimClips clips;
    private final HttpFaults faults;
    private final OAuthApi oauth;

    public ControlApi(SimWorld world, SimChat chat, SimScenario scenario, EventSubHub eventSub, SimClips clips,
                      HttpFaults faults, OAuthApi oauth) {
        this.oauth = oauth;
        this.world = world;
        this.chat = chat;
        this.scenario = scenario;
        this.eventSub = eventSub;
        this.clips = clips;
        this.faults = faults;
    }

    public void register(HttpServerRoutes routes) {
        routes.get("/sim", (request, response) -> json(response, 200, state()))
                .get("/sim/channels/{login}", (request, response) -> json(response, 200,
                        channel(world.user(request.param("login")).login(), scenario.rates())))
                .post("/sim/oauth/approve", (request, response) -> act(request, response, p -> {
                    oauth.approveAs(required(p, "login"));
                    return "approving as " + required(p, "login");
                }))
                .post("/sim/channels/{login}/chat", (request, response) -> act(request, response, p -> {
                    scenario.chat(request.param("login"), (int) number(p, "audience", 200),
                            number(p, "rate", 2));
                    return "chatting";
                }))
                .post("/sim/channels/{login}/say", (request, response) -> act(request, response, p ->
                        chat.say(request.param("login"), required(p, "user"), required(p, "text"), first(p, "badges"))))
                .post("/sim/channels/{login}/delete", (request, response) -> act(request, response, p -> {
                    chat.deleteMessage(request.param("login"), required(p, "user"), required(p, "id"),
                            Optional.ofNullable(first(p, "text")).orElse(""));
                    return "deleted";
                }))
                .post("/sim/channels/{login}/ban", (request, response) -> act(request, response, p -> {
                    chat.ban(request.param("login"), required(p, "user"));
                    return "banned";
                }))
                .post("/sim/channels/{login}/clips", (request, response) -> act(request, response, p -> {
                    String broadcasterId = world.user(request.param("login")).id();
                    String enabled = first(p, "enabled");
                    if (enabled != null) {
                        clips.enable(broadcasterId, Boolean.parseBoolean(enabled));
                    }
                    Optional.ofNullable(first(p, "refuse")).ifPresent(clipper ->
                            clips.refuse(broadcasterId, world.user(clipper).id()));
                    return clips.describe(broadcasterId);
                }))
                .post("/sim/channels/{login}/clear", (request, response) -> act(request, response, p -> {
                    chat.clearChat(request.param("login"));
                    return "cleared";
                }))
                .post("/sim/channels/{login}/burst", (request, response) -> act(request, response, p -> {
                    scenario.burst(request.param("login"), number(p, "rate", 40),
                            Duration.ofMillis((long) (number(p, "seconds", 8) * 1000)));
                    return "bursting";
                }))
                .post("/sim/channels/{login}/live", (request, response) -> act(request, response, p -> {
                    String gameId = Optional.ofNullable(first(p, "game_id")).orElse("509658");
                    String gameName = Optional.ofNullable(first(p, "game")).orElse("Just Chatting");
                    world.goLive(request.param("login"), world.game(gameId, gameName),
                            Optional.ofNullable(first(p, "title")).orElse("Live with the simulator"),
                            (int) number(p, "viewers", 100));
                    return "live";
                }))
                .delete("/sim/channels/{login}/live", (request, response) -> act(request, response, p -> {
                    world.goOffline(request.param("login"));
                    return "offline";
                }))
                .post("/sim/chat/reconnect", (request, response) -> act(request, response, p -> {
                    chat.reconnectAll();
                    return "RECONNECT sent";
                }))
                .post("/sim/chat/drop", (request, response) -> act(request, response, p -> {
                    chat.dropAllConnections();
                    return "connections dropped";
                }))
                .post("/sim/eventsub/reconnect", (request, response) -> act(request, response, p -> {
                    eventSub.reconnectAll();
                    return "session_reconnect sent";
                }))
                .post("/sim/eventsub/close", (request, response) -> act(request, response, p -> {
                    int code = (int) number(p, "code", 4000);
                    if (code < 4000 || code > 4007) {
                        throw new IllegalArgumentException("code must be one of Twitch's close codes, 4000 to 4007");
                    }
                    eventSub.closeAll(code);
                    return "closed with " + code;
                }))
                .post("/sim/faults", (request, response) -> act(request, response, p -> {
                    faults.failNext(required(p, "path"), (int) number(p, "status", 500), (int) number(p, "times", 1));
                    return "failing";
                }))
                .post("/sim/faults/delay", (request, response) -> act(request, response, p -> {
                    faults.delay(required(p, "path"), Duration.ofMillis((long) number(p, "ms", 1000)));
                    return "delaying";
                }))
                .delete("/sim/faults", (request, response) -> act(request, response, p -> {
                    faults.clear();
                    return "no faults";
                }));
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
