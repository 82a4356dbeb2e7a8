package dev.stagehand.twitchsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Channels that chat on their own, and the /sim control API the demo uses. */
class ScenarioAndControlTest {

    private TwitchSim twitch;

    @BeforeEach
    void start() {
        twitch = TwitchSim.start(0);
    }

    @AfterEach
    void stop() {
        twitch.close();
    }

    @Test
    void aChattingChannelProducesTaggedMessagesUntilStopped() throws Exception {
        try (RawIrcClient reader = joined("demo")) {
            twitch.scenario().chat("demo", 100, 50);
            List<String> lines = reader.collect(Duration.ofMillis(1500));
            assertThat(lines).filteredOn(line -> line.contains(" PRIVMSG #demo :")).hasSizeGreaterThan(10)
                    .allSatisfy(line -> assertThat(line).contains("room-id=" + twitch.world().user("demo").id()));

            twitch.scenario().chat("demo", 100, 0);
            reader.collect(Duration.ofMillis(300));
            assertThat(reader.collect(Duration.ofMillis(500))).noneMatch(line -> line.contains("PRIVMSG"));
        }
    }

    @Test
    void theControlApiTakesAChannelLiveAndHelixSeesIt() throws Exception {
        HttpResponse<String> live = send("POST", "/sim/channels/chesscat/live?game_id=743&game=Chess&title=Blitz");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/sim").body()).contains("\"login\":\"chesscat\"", "\"live\":true", "\"game\":\"Chess\"");
        String token = twitch.world().issueAppToken(TwitchSim.CLIENT_ID).accessToken();
        HttpResponse<String> streams = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(twitch.helixUrl() + "/streams?user_login=chesscat"))
                .header("Client-Id", TwitchSim.CLIENT_ID).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(streams.body()).contains("\"title\":\"Blitz\"");

        assertThat(send("DELETE", "/sim/channels/chesscat/live").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/sim").body()).doesNotContain("chesscat");
    }

    @Test
    void theControlApiTellsOneChannelsIdAndChatClients() throws Exception {
        try (RawIrcClient reader = joined("lurked")) {
            assertThat(send("GET", "/sim/channels/Lurked").body()).contains(
                    "\"login\":\"lurked\"", "\"id\":\"" + twitch.world().user("lurked").id() + "\"",
                    "\"live\":false", "\"chatClients\":1");
        }
    }

    @Test
    void aFaultSetOverHttpIsClearedByItsPathAlone() throws Exception {
        String room = "/ffz/v1/room/id/" + twitch.world().user("faulty_room").id();
        assertThat(send("POST", "/sim/faults?status=503&times=5&path=" + room).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/sim/faults?status=500&times=5&path=/7tv").statusCode()).isEqualTo(200);
        assertThat(send("GET", room).statusCode()).isEqualTo(503);

        assertThat(send("DELETE", "/sim/faults?path=" + room).body()).contains("no faults for " + room);
        assertThat(send("GET", room).statusCode()).isNotEqualTo(503);
        assertThat(send("GET", "/7tv/v3/emote-sets/global").statusCode()).as("another fault stays").isEqualTo(500);
        send("DELETE", "/sim/faults");
        assertThat(send("GET", "/7tv/v3/emote-sets/global").statusCode()).isEqualTo(200);
    }

    @Test
    void theControlApiRefusesBadParameters() throws Exception {
        HttpResponse<String> bad = send("POST", "/sim/channels/demo/chat?rate=lots");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("rate must be a number, not 'lots'");
        assertThat(send("POST", "/sim/faults?status=500").body()).contains("path is required");
        assertThat(send("POST", "/sim/eventsub/close?code=1000").statusCode()).isEqualTo(400);
    }

    @Test
    void aBurstFloodsTheChannel() throws Exception {
        try (RawIrcClient reader = joined("demo")) {
            assertThat(send("POST", "/sim/channels/demo/burst?rate=200&seconds=1").statusCode()).isEqualTo(200);
            assertThat(reader.collect(Duration.ofMillis(1500))).filteredOn(line -> line.contains("PRIVMSG"))
                    .hasSizeGreaterThan(50);
        }
    }

    @Test
    void hypeBurstsTheNamedChannelsInTurn() throws Exception {
        try (RawIrcClient reader = joined("demo")) {
            twitch.scenario().chat("demo", 100, 2);
            twitch.scenario().hypeEvery(Duration.ofMillis(500), 50, Duration.ofMillis(400), "demo");
            try {
                // Two seconds at 2 messages a second would be 4; the hype makes it 100 a second at times.
                assertThat(reader.collect(Duration.ofSeconds(2))).filteredOn(line -> line.contains("PRIVMSG"))
                        .hasSizeGreaterThan(30);
            } finally {
                twitch.scenario().chat("demo", 100, 0);
            }
        }
    }

    @Test
    void aBrowserGetsAPageOfEveryRouteAndScriptsGetJson() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + twitch.port() + "/sim")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.body()).contains("<h1>Twitch simulator</h1>", "POST /sim/channels/{login}/gifts",
                "POST /sim/discord/webhooks/{id}/rate-limit", "GET /sim/discord/webhooks/{id}/requests");
        assertThat(send("GET", "/sim").body()).startsWith("{\"channels\":");
    }

    @Test
    void aChatLineCarriesTheTagsItIsGiven() throws Exception {
        try (RawIrcClient reader = joined("demo")) {
            assertThat(send("POST", "/sim/channels/demo/line?user=ada&text=hello&tags="
                    + "bits%3D100%3Bfirst-msg%3D1%3Bid%3Dline-1").statusCode()).isEqualTo(200);
            assertThat(send("POST", "/sim/channels/demo/line?user=ada&text=x&tags=nonsense").statusCode())
                    .isEqualTo(400);
            assertThat(reader.await(line -> line.contains("PRIVMSG #demo :hello")))
                    .contains("bits=100", "first-msg=1", ";id=line-1;", "display-name=Ada");
        }
    }

    @Test
    void giftWavesAndRaidsArriveAsTwitchAnnouncesThem() throws Exception {
        try (RawIrcClient reader = joined("demo")) {
            send("POST", "/sim/channels/demo/gifts?from=santa&count=3");
            send("POST", "/sim/channels/demo/raid?from=bigstreamer&viewers=420");
            List<String> lines = reader.collect(Duration.ofMillis(800));
            assertThat(lines).filteredOn(line -> line.contains("msg-id=submysterygift"))
                    .singleElement().satisfies(line -> assertThat(line).contains("msg-param-mass-gift-count=3"));
            assertThat(lines).filteredOn(line -> line.contains("msg-id=subgift")).hasSize(3);
            assertThat(lines).filteredOn(line -> line.contains("msg-id=raid")).singleElement()
                    .satisfies(line -> assertThat(line).contains("msg-param-viewerCount=420"));
        }
    }

    @Test
    void discordWebhooksAreMadeReadAndRateLimitedWithOrWithoutHeaders() throws Exception {
        String created = send("POST", "/sim/discord/webhooks?name=Alerts").body();
        String url = created.replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
        String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(url).startsWith("http://127.0.0.1:" + twitch.port() + "/discord/api/webhooks/" + id + "/");
        assertThat(post(url, "{\"content\":\"first\"}").statusCode()).isEqualTo(204);

        send("POST", "/sim/discord/webhooks/" + id + "/rate-limit?retry_after=2.5&headers=false");
        HttpResponse<String> limited = post(url, "{\"content\":\"second\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("\"retry_after\":2.5");
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
        assertThat(limited.headers().firstValue("Retry-After")).isEmpty();

        send("POST", "/sim/discord/webhooks/" + id + "/rate-limit?retry_after=1");
        assertThat(post(url, "{\"content\":\"third\"}").headers().firstValue("Retry-After")).hasValue("1");

        assertThat(send("GET", "/sim/discord/webhooks/" + id + "/requests").body())
                .contains("\"status\":204", "\"status\":429", "\"content\":\"first\"");
        assertThat(twitch.discord().deliveriesTo(id)).hasSize(1);
        assertThat(send("GET", "/sim/discord/webhooks").body()).contains("\"name\":\"Alerts\"", "\"messages\":1");

        assertThat(send("DELETE", "/sim/discord/webhooks/" + id).statusCode()).isEqualTo(200);
        HttpResponse<String> gone = post(url, "{\"content\":\"fourth\"}");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("Unknown Webhook", "10015");
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private RawIrcClient joined(String channel) throws Exception {
        twitch.world().user(channel);
        RawIrcClient reader = new RawIrcClient(twitch.chatUrl());
        reader.send("CAP REQ :twitch.tv/tags twitch.tv/commands", "NICK justinfan5", "JOIN #" + channel);
        reader.await(line -> line.contains("ROOMSTATE"));
        return reader;
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + twitch.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
