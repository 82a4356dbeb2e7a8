package dev.stagehand.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.gateway.WebUser;
import dev.stagehand.platform.embedded.EmbeddedKafka;
import dev.stagehand.platform.embedded.EmbeddedPostgres;
import dev.stagehand.twitchsim.TwitchSim;
import dev.stagehand.twitchsim.discord.SimWebhook;
import dev.stagehand.twitchsim.llm.LlmSim;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two Stagehand nodes, each in a JVM of its own, on one PostgreSQL, one Kafka and one simulated Twitch: they share
 * the work, and killing one as a crash would moves its event-processor segments, chat connections and stream polling
 * to the other within 30 s; no chat message and no go-live notification is lost or doubled. (The second node logs
 * JSON, as in docker-compose.yml.)
 * Its applications and data are its own, so it runs beside the other tests (see the surefire configuration), though
 * not beside the browser scenarios, whose steps a starting application would slow past their limits.
 */
@Execution(ExecutionMode.CONCURRENT)
@Order(5)
@ResourceLock(IntegrationTest.APPLICATION_STARTS)
class NodeFailoverTest {

    private static final Duration TAKEOVER = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String OPERATOR = "failover_ops";
    private static final List<String> CHANNELS = List.of("failover_a", "failover_b", "failover_c", "failover_d");
    private static final int SAID = 15;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void killingANodeMovesItsWorkToTheOtherWithinThirtySecondsLosingAndDoublingNothing() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "test-data", "failover-" + UUID.randomUUID()));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(directory.resolve("postgres"), 0);
             EmbeddedKafka kafka = EmbeddedKafka.start(directory.resolve("kafka"), 0);
             TwitchSim sim = TwitchSim.start(0);
             LlmSim model = LlmSim.start()) {
            List<String> shared = List.of(
                    "--spring.datasource.url=" + postgres.jdbcUrl(),
                    "--spring.datasource.username=postgres",
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--stagehand.secrets.master-key=" + masterKey(),
                    "--stagehand.demo.twitch-sim-url=" + sim.urls().base(),
                    "--stagehand.rooms.llm.url=" + model.url(),
                    "--stagehand.operators=twitch:" + OPERATOR,
                    "--stagehand.streams.poll-interval=1s",
                    "--stagehand.streams.helix-lag=0s",
                    "--stagehand.notifications.first-retry=1s");
            SingleConnectionDataSource database = new SingleConnectionDataSource(postgres.jdbcUrl(), "postgres", "",
                    true);
            JdbcClient jdbc = JdbcClient.create(database);
            try (StagehandProcess one = StagehandProcess.start("node-one", directory, shared).awaitUp();
                 StagehandProcess two = StagehandProcess.start("node-two", directory, withJsonLogs(shared))
                         .awaitUp()) {
                Map<StagehandProcess, WebTestClient> operators = Map.of(one, operator(sim, one), two,
                        operator(sim, two));
                WebTestClient onOne = operators.get(one);
                CHANNELS.forEach(channel -> sim.world().user(channel));
                sim.world().user("failover_live_before");
                sim.world().user("failover_live_during");
                SimWebhook discord = sim.discord().createWebhook("failover");
                String webhook = (String) onOne.post().uri("/api/webhooks")
                        .bodyValue(Map.of("name", "Go live", "url", discord.url(sim.discordUrl()))).exchange()
                        .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
                for (String streamer : List.of("failover_live_before", "failover_live_during")) {
                    onOne.post().uri("/api/webhooks/{id}/subscriptions", webhook)
                            .bodyValue(Map.of("streamer", streamer)).exchange().expectStatus().isCreated();
                }
                // Subscribed on both nodes, once both are up: each reads its share of the chats.
                for (int i = 0; i < CHANNELS.size(); i++) {
                    operators.get(i % 2 == 0 ? one : two).post().uri("/api/channels")
                            .bodyValue(Map.of("channel", CHANNELS.get(i))).exchange().expectStatus().isCreated();
                }

                // The work is split: chats, segments; exactly one node polls.
                await().atMost(WAIT).until(() -> CHANNELS.stream()
                        .allMatch(channel -> sim.chat().viewersConnected(channel) == 1));
                assertThat(chats(onOne)).hasSize(2);
                assertThat(chats(operators.get(two))).hasSize(2);
                assertThat(watchers(operators)).hasSize(1);
                await().atMost(WAIT).until(() -> owners(jdbc).keySet().containsAll(Set.of("node-one", "node-two")));

                sim.world().goLive("failover_live_before", sim.world().game("509658", "Just Chatting"), "before",
                        10);
                await().atMost(WAIT).until(() -> sim.discord().deliveriesTo(discord.id()).size() == 1);
                List<String> said = new ArrayList<>();
                CHANNELS.forEach(channel -> said.addAll(say(sim, channel, "before")));
                await().atMost(WAIT).until(() -> chatIds(kafka).size() >= said.size());

                StagehandProcess victim = watchers(operators).get(0);
                StagehandProcess survivor = victim == one ? two : one;
                WebTestClient onSurvivor = operators.get(survivor);
                victim.kill();
                long killedAt = System.nanoTime();
                sim.world().goLive("failover_live_during", sim.world().game("509658", "Just Chatting"), "during",
                        10);

                await().atMost(TAKEOVER).until(() -> CHANNELS.stream()
                        .allMatch(channel -> sim.chat().viewersConnected(channel) == 1)
                        && chats(onSurvivor).size() == CHANNELS.size());
                long chatsMoved = elapsed(killedAt);
                await().atMost(TAKEOVER.minusSeconds(chatsMoved)).until(() -> watchers(operators).equals(
                        List.of(survivor)));
                await().atMost(TAKEOVER.minusSeconds(elapsed(killedAt))).until(() -> owners(jdbc).keySet()
                        .equals(Set.of(survivor.name())));
                await().atMost(TAKEOVER.minusSeconds(elapsed(killedAt))).until(() ->
                        sim.discord().deliveriesTo(discord.id()).size() == 2);
                System.out.printf("Node %s killed: chats on %s after %d s, polling and segments and the "
                        + "notification within %d s%n", victim.name(), survivor.name(), chatsMoved, elapsed(killedAt));

                CHANNELS.forEach(channel -> said.addAll(say(sim, channel, "after")));
                await().atMost(WAIT).until(() -> chatIds(kafka).size() >= said.size());
                Thread.sleep(5_000);
                List<String> written = chatIds(kafka);
                assertThat(written).containsExactlyInAnyOrderElementsOf(said);
                await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM chat_message")
                        .query(Long.class).single() == said.size());
                assertThat(sim.discord().deliveriesTo(discord.id())).hasSize(2)
                        .extracting(delivery -> delivery.body().toString())
                        .anyMatch(content -> content.contains("Failover_live_before"))
                        .anyMatch(content -> content.contains("Failover_live_during"));
                assertThat(Files.readAllLines(directory.resolve("node-two.log")))
                        .anyMatch(line -> line.startsWith("{\"@timestamp\""));
            } finally {
                database.destroy();
            }
        }
    }

    /** The second node logs one JSON object per line, as docker-compose.yml has it. */
    private static List<String> withJsonLogs(List<String> arguments) {
        List<String> withJson = new ArrayList<>(arguments);
        withJson.add("--logging.structured.format.console=ecs");
        return withJson;
    }

    private static WebTestClient operator(TwitchSim sim, StagehandProcess node) {
        sim.oauth().approveAs(OPERATOR);
        WebUser user = new WebUser(node.url());
        assertThat(user.logIn("twitch")).isEqualTo("/");
        return user.client(WebTestClient.bindToServer().baseUrl(node.url()).build());
    }

    private static Map<String, Object> node(WebTestClient operator) {
        @SuppressWarnings("unchecked")
        Map<String, Object> node = operator.get().uri("/api/admin/node").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return node;
    }

    @SuppressWarnings("unchecked")
    private static List<String> chats(WebTestClient operator) {
        return ((List<String>) node(operator).get("claims")).stream().filter(claim -> claim.startsWith("chat:"))
                .toList();
    }

    /** The nodes that watch streams (for a dead node's client, none). */
    @SuppressWarnings("unchecked")
    private static List<StagehandProcess> watchers(Map<StagehandProcess, WebTestClient> operators) {
        List<StagehandProcess> watching = new ArrayList<>();
        operators.forEach((process, operator) -> {
            try {
                if (((List<String>) node(operator).get("claims")).contains("stream watching")) {
                    watching.add(process);
                }
            } catch (RuntimeException unreachable) {
                // A killed node answers nothing.
            }
        });
        return watching;
    }

    /** How many event-processor segments each node owns now. */
    private static Map<String, Long> owners(JdbcClient jdbc) {
        Map<String, Long> owners = new HashMap<>();
        jdbc.sql("SELECT owner, count(*) AS segments FROM token_entry WHERE owner IS NOT NULL GROUP BY owner")
            .query((row, i) -> owners.put(row.getString("owner"), row.getLong("segments"))).list();
        return owners;
    }

    private static List<String> say(TwitchSim sim, String channel, String when) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SAID; i++) {
            ids.add(sim.chat().say(channel, "viewer", when + " " + i));
        }
        return ids;
    }

    /** The ids of every chat message on Kafka, as often as each was written. */
    private static List<String> chatIds(EmbeddedKafka kafka) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor("stagehand.chat.messages").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    ids.add(JSON.readTree(record.value()).path("id").asString());
                }
            }
        }
        return ids;
    }

    private static long elapsed(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    private static String masterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
