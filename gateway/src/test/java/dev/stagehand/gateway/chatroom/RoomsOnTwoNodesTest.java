package dev.stagehand.gateway.chatroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.gateway.StagehandApplication;
import dev.stagehand.gateway.WebUser;
import dev.stagehand.platform.embedded.EmbeddedKafka;
import dev.stagehand.platform.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second Stagehand node on the first one's PostgreSQL and Kafka: a member logged in on the first node sends on the
 * second (sessions are shared), and the room's clients on both nodes get the styled message.
 */
class RoomsOnTwoNodesTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    private EmbeddedPostgres postgres;
    @Autowired
    private EmbeddedKafka kafka;
    @Autowired
    private Environment environment;
    @Autowired
    private JsonMapper json;

    @Test
    void aMessageSentOnOneNodeReachesTheRoomsClientsOnBoth() throws Exception {
        WebUser member = twitchUser("two_node_member");
        String masterKey = Files.readString(Path.of(environment.getProperty("stagehand.embedded.data-dir"),
                "master.key"), StandardCharsets.US_ASCII);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(StagehandApplication.class).run(
                "--server.port=0",
                "--stagehand.embedded.data-dir=" + Path.of("target", "test-data", "second-" + UUID.randomUUID()),
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--stagehand.secrets.master-key=" + masterKey,
                "--stagehand.rooms.llm.url=" + MODEL.url());
             RoomClient onFirst = new RoomClient(baseUrl(), "the-globe", null, json)) {
            String secondUrl = "http://localhost:" + second.getEnvironment().getProperty("local.server.port");
            try (RoomClient onSecond = new RoomClient(secondUrl, "the-globe", null, json);
                 RoomClient sender = new RoomClient(secondUrl, "the-globe", member, json)) {
                onFirst.joined();
                onSecond.joined();
                assertThat(sender.joined().path("canSend").asBoolean()).isTrue();

                sender.send("n1", "are you on both nodes");
                String messageId = sender.reply("n1").path("messageId").asString();
                for (RoomClient client : List.of(onFirst, onSecond, sender)) {
                    await().atMost(WAIT).until(() -> client.messages().stream()
                            .anyMatch(message -> message.path("messageId").asString().equals(messageId)));
                }
                assertThat(onFirst.messages().stream()
                        .filter(message -> message.path("messageId").asString().equals(messageId)).findFirst()
                        .orElseThrow().path("senderName").asString()).isEqualTo("Two_node_member");
            }
        }
    }
}
