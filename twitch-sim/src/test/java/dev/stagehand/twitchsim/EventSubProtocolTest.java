package dev.stagehand.twitchsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** EventSub over WebSocket at the protocol level: messages, close codes and subscription errors. */
class EventSubProtocolTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TwitchSim twitch;
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final AtomicInteger closeCode = new AtomicInteger();
    private WebSocket socket;

    @BeforeEach
    void start() throws Exception {
        twitch = TwitchSim.start(0);
        connect();
    }

    private void connect() throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(twitch.eventSubUrl()), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        messages.add(JSON.readTree(data.toString()));
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closeCode.set(statusCode);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        socket.abort();
        twitch.close();
    }

    @Test
    void welcomesWithASessionAndKeepaliveTimeout() throws Exception {
        JsonNode welcome = messages.poll(5, TimeUnit.SECONDS);
        assertThat(welcome.at("/metadata/message_type").asString()).isEqualTo("session_welcome");
        assertThat(welcome.at("/metadata/message_id").asString()).isNotBlank();
        assertThat(welcome.at("/payload/session/status").asString()).isEqualTo("connected");
        assertThat(welcome.at("/payload/session/keepalive_timeout_seconds").asInt()).isEqualTo(10);
        assertThat(welcome.at("/payload/session/id").asString()).isNotBlank();
    }

    @Test
    void closesAnUnusedConnectionWith4003() throws Exception {
        socket.abort();
        twitch.eventSub().unusedTimeout(Duration.ofMillis(300));
        closeCode.set(0);
        connect();
        await().atMost(Duration.ofSeconds(5)).until(() -> closeCode.get() == 4003);
    }

    @Test
    void closesWith4001WhenTheClientSendsAnything() {
        socket.sendText("{\"hello\":true}", true);
        await().atMost(Duration.ofSeconds(5)).until(() -> closeCode.get() == 4001);
    }

    @Test
    void refusesBadSubscriptionRequests() throws Exception {
        String session = messages.poll(5, TimeUnit.SECONDS).at("/payload/session/id").asString();
        String viewer = userToken("viewer");
        String broadcasterId = twitch.world().user("streamer").id();

        assertThat(subscribe(viewer, "{not json").statusCode()).isEqualTo(400);
        assertThat(subscribe(viewer, body("stream.online", broadcasterId, "nope")).body())
                .contains("session does not exist");
        assertThat(subscribe(appToken(), body("stream.online", broadcasterId, session)).body())
                .contains("require a user access token");
        assertThat(subscribe(viewer, body("channel.mystery", broadcasterId, session)).statusCode()).isEqualTo(400);

        HttpResponse<String> created = subscribe(viewer, body("stream.online", broadcasterId, session));
        assertThat(created.statusCode()).isEqualTo(202);
        JsonNode json = JSON.readTree(created.body());
        assertThat(json.at("/data/0/cost").asInt()).isEqualTo(1);
        assertThat(json.at("/max_total_cost").asInt()).isEqualTo(10);
        assertThat(subscribe(viewer, body("stream.online", broadcasterId, session)).statusCode()).isEqualTo(409);
    }

    @Test
    void unauthorizedSubscriptionsAreCappedAtATotalCostOfTenButTheBroadcastersOwnAreFree() throws Exception {
        String session = messages.poll(5, TimeUnit.SECONDS).at("/payload/session/id").asString();
        String viewer = userToken("viewer");
        for (int i = 0; i < 10; i++) {
            String channel = twitch.world().user("streamer" + i).id();
            assertThat(subscribe(viewer, body("stream.online", channel, session)).statusCode()).isEqualTo(202);
        }
        HttpResponse<String> eleventh = subscribe(viewer, body("stream.online",
                twitch.world().user("streamer10").id(), session));
        assertThat(eleventh.statusCode()).isEqualTo(429);

        String broadcaster = userToken("streamer10");
        HttpResponse<String> own = subscribe(broadcaster, body("stream.online",
                twitch.world().user("streamer10").id(), session));
        assertThat(own.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(own.body()).at("/data/0/cost").asInt()).isZero();
    }

    private String userToken(String login) {
        return twitch.world().issueUserToken(TwitchSim.CLIENT_ID, login, List.of()).accessToken();
    }

    private String appToken() {
        return twitch.world().issueAppToken(TwitchSim.CLIENT_ID).accessToken();
    }

    private static String body(String type, String broadcasterId, String session) {
        return "{\"type\":\"" + type + "\",\"version\":\"1\",\"condition\":{\"broadcaster_user_id\":\""
                + broadcasterId + "\"},\"transport\":{\"method\":\"websocket\",\"session_id\":\"" + session + "\"}}";
    }

    private HttpResponse<String> subscribe(String token, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(twitch.helixUrl() + "/eventsub/subscriptions"))
                .header("Client-Id", TwitchSim.CLIENT_ID).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
