package dev.stagehand.gateway.chatroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.chatroom.PublishedRoomMessage;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.gateway.SideApplication;
import dev.stagehand.gateway.WebUser;
import dev.stagehand.platform.embedded.EmbeddedKafka;
import dev.stagehand.platform.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second Stagehand node on the first one's PostgreSQL and Kafka, which takes three WebSockets at most: a member
 * logged in on the first node sends on the second (sessions are shared), and the room's clients on both nodes get the
 * styled message; a fourth WebSocket is refused with a 503 problem while the node serves its open sockets, its API and
 * its health as before, and takes a new socket once one closes.
 *
 * Isolated: while the second node joins, the segments it takes are handed over and every read model waits, which
 * would fail the waits of a test running beside it; JUnit runs it alone, after the others.
 */
@Isolated
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoomsOnTwoNodesTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int SOCKETS = 3;

    @Autowired
    private EmbeddedPostgres postgres;
    @Autowired
    private EmbeddedKafka kafka;
    @Autowired
    private Environment environment;
    @Autowired
    private JsonMapper json;
    @Autowired
    private KafkaTemplate<String, String> records;
    @Autowired
    private JdbcClient jdbc;
    private ConfigurableApplicationContext second;
    private String secondUrl;
    private WebTestClient operatorOnSecond;
    private WebUser member;

    @BeforeAll
    void startTheSecondNode() throws Exception {
        String masterKey = Files.readString(Path.of(environment.getProperty("stagehand.embedded.data-dir"),
                "master.key"), StandardCharsets.US_ASCII);
        // Both logged in before the second node joins: while the nodes share out the processors' segments, a first
        // login's wait for the account read model can outlast its ten seconds on two busy cores.
        WebUser operator = twitchUser(OPERATOR);
        member = twitchUser("two_node_member");
        second = SideApplication.start(
                "--server.port=0",
                "--stagehand.embedded.data-dir=" + Path.of("target", "test-data", "second-" + UUID.randomUUID()),
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--stagehand.secrets.master-key=" + masterKey,
                "--stagehand.rooms.llm.url=" + MODEL.url(),
                "--stagehand.websockets.max-connections=" + SOCKETS);
        secondUrl = "http://localhost:" + second.getEnvironment().getProperty("local.server.port");
        operatorOnSecond = operator.client(WebTestClient.bindToServer().baseUrl(secondUrl)
                .responseTimeout(Duration.ofSeconds(30)).build());
    }

    /** The first node, alone again, takes back every segment, so that the tests after this one find it whole. */
    @AfterAll
    void stopTheSecondNode() {
        second.close();
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM token_entry WHERE owner IS NULL")
                .query(Long.class).single() == 0);
    }

    @Test
    void aMessageSentOnOneNodeReachesTheRoomsClientsOnBoth() throws Exception {
        awaitSocketsOnSecond(0);
        try (RoomClient onFirst = new RoomClient(baseUrl(), "the-globe", null, json);
             RoomClient onSecond = new RoomClient(secondUrl, "the-globe", null, json);
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

    @Test
    void aFullNodeRefusesNewSocketsAndServesEverythingElse() {
        awaitSocketsOnSecond(0);
        List<RoomClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < SOCKETS; i++) {
                RoomClient client = new RoomClient(secondUrl, "the-globe", null, json);
                open.add(client);
                client.joined();
            }
            WebTestClient onSecond = WebTestClient.bindToServer().baseUrl(secondUrl)
                    .responseTimeout(Duration.ofSeconds(30)).build();
            onSecond.get().uri("/ws/rooms/the-globe").header("Connection", "Upgrade").header("Upgrade", "websocket")
                    .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectBody().jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                            .startsWith("This node serves as many live connections as it may (3)."));
            RoomClient refused = new RoomClient(secondUrl, "the-globe", null, json);
            open.add(refused);

            // The open sockets, the API and the health go on.
            String id = UUID.randomUUID().toString();
            Instant now = Instant.now();
            records.send(Topics.ROOM_PUBLISHED.name(), "the-globe", json.writeValueAsString(new PublishedRoomMessage(
                    PublishedRoomMessage.SCHEMA_VERSION, id, "the-globe", "account-cap", "Capped", "still here",
                    "still here", "Plain", "rules", null, now, now)));
            for (RoomClient client : open.subList(0, SOCKETS)) {
                await().atMost(WAIT).until(() -> client.messageIds().contains(id));
            }
            assertThat(refused.frames).isEmpty();
            onSecond.get().uri("/api/rooms").exchange().expectStatus().isOk();
            onSecond.get().uri("/actuator/health").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
            assertThat(connectionsOnSecond()).containsEntry("webSockets", SOCKETS).containsEntry("webSocketCap", SOCKETS)
                    .containsEntry("full", true);

            open.get(0).close();
            awaitSocketsOnSecond(SOCKETS - 1);
            RoomClient next = new RoomClient(secondUrl, "the-globe", null, json);
            open.add(next);
            assertThat(next.joined().path("type").asString()).isEqualTo("joined");
        } finally {
            open.forEach(RoomClient::close);
        }
    }

    private void awaitSocketsOnSecond(int count) {
        await().atMost(WAIT).until(() -> connectionsOnSecond().get("webSockets").equals(count));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> connectionsOnSecond() {
        Map<String, Object> health = operatorOnSecond.get().uri("/actuator/health").exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) health.get("components"))
                .get("connections")).get("details");
    }
}
