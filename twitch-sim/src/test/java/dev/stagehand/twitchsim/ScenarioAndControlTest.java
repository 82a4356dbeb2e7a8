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
