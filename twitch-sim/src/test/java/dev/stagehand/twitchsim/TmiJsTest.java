package dev.stagehand.twitchsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** tmi.js, a real third-party client from the npm registry, talks to the simulator over plain WebSocket. */
class TmiJsTest {

    private static final Path CLIENT = Path.of("src", "test", "node", "tmi-client.mjs").toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TwitchSim twitch;
    private Process node;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() {
        twitch = TwitchSim.start(0);
        twitch.world().user("streamer");
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.destroyForcibly();
        }
        twitch.close();
    }

    @Test
    void anAnonymousTmiClientReceivesChatWithEmotesAndBadges() throws Exception {
        run("2");
        assertThat(next().get("joined").asString()).isEqualTo("#streamer");
        await().atMost(Duration.ofSeconds(10)).until(() -> twitch.chat().viewersConnected("streamer") == 1);

        twitch.chat().say("streamer", "viewer", "😀 Kappa hello", "subscriber/6");
        twitch.chat().say("streamer", "streamer", "welcome in");

        JsonNode first = next().get("message");
        assertThat(first.get("text").asString()).isEqualTo("😀 Kappa hello");
        assertThat(first.get("user").asString()).isEqualTo("viewer");
        assertThat(first.get("displayName").asString()).isEqualTo("Viewer");
        assertThat(first.get("roomId").asString()).isEqualTo(twitch.world().user("streamer").id());
        assertThat(first.get("emotes").get("25").get(0).asString()).isEqualTo("2-6");
        assertThat(first.get("badges").get("subscriber").asString()).isEqualTo("6");
        JsonNode second = next().get("message");
        assertThat(second.get("badges").get("broadcaster").asString()).isEqualTo("1");
    }

    @Test
    void aLoggedInTmiClientSendsAMessageThatOthersReceive() throws Exception {
        String token = twitch.world().issueUserToken(TwitchSim.CLIENT_ID, "tmibot", List.of("chat:read", "chat:edit"))
                .accessToken();
        try (RawIrcClient reader = new RawIrcClient(twitch.chatUrl())) {
            reader.send("CAP REQ :twitch.tv/tags", "NICK justinfan7", "JOIN #streamer");
            reader.await(line -> line.contains("ROOMSTATE"));

            run("0", "tmibot", token);

            assertThat(next().has("joined")).isTrue();
            assertThat(next().get("sent").asBoolean()).isTrue();
            assertThat(reader.await(line -> line.contains("PRIVMSG")))
                    .endsWith(":tmibot!tmibot@tmibot.tmi.twitch.tv PRIVMSG #streamer :hello from tmi.js Kappa")
                    .contains("emotes=25:18-22;");
        }
    }

    private void run(String messagesToReceive, String... loginAndToken) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", CLIENT.toString(),
                Integer.toString(twitch.port()), "streamer", messagesToReceive));
        command.addAll(List.of(loginAndToken));
        node = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = output.readLine()) != null) {
                    events.add(line.startsWith("{") ? JSON.readTree(line) : JSON.createObjectNode().put("log", line));
                }
            } catch (Exception ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    private JsonNode next() throws InterruptedException {
        JsonNode event = events.poll(20, TimeUnit.SECONDS);
        assertThat(event).as("an event from tmi.js").isNotNull();
        assertThat(event.has("log")).as("tmi.js printed %s", event).isFalse();
        return event;
    }
}
