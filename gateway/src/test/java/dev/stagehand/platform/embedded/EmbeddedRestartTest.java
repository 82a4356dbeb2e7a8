package dev.stagehand.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.common.SecretId;
import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.gateway.SideApplication;
import dev.stagehand.gateway.WebUser;
import dev.stagehand.secrets.SecretStore;
import dev.stagehand.twitchsim.TwitchSim;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The embedded PostgreSQL and Kafka keep their data across a stop and a start of the whole application: accounts,
 * logged-in sessions, secrets (the master key stays in the data directory), Kafka records, and the chats of
 * subscribed channels, which the new start joins again.
 * Its applications and data are its own, so it runs beside the other tests (see the surefire configuration), though
 * not beside the browser scenarios, whose steps a starting application would slow past their limits.
 */
@Execution(ExecutionMode.CONCURRENT)
@Order(4)
@ResourceLock(IntegrationTest.APPLICATION_STARTS)
class EmbeddedRestartTest {

    private static final String TOPIC = "stagehand.test.restart";

    private final Path dataDir = Path.of("target", "test-data", "restart-" + UUID.randomUUID());

    @Test
    void accountsSessionsSecretsAndKafkaRecordsSurviveARestart() throws Exception {
        WebUser streamer;
        SecretId token;
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(TwitchSim.class).oauth().approveAs("survivor");
            streamer = new WebUser(baseUrl(first));
            assertThat(streamer.logIn("twitch")).isEqualTo("/");
            streamer.client(client(first)).put().uri("/api/me/display-name").bodyValue(Map.of("displayName", "Survivor"))
                    .exchange().expectStatus().isOk();
            streamer.client(client(first)).post().uri("/api/channels").bodyValue(Map.of("channel", "pixelpanda"))
                    .exchange().expectStatus().isCreated();
            token = first.getBean(JdbcClient.class).sql("SELECT token_id::text FROM account_identity_view")
                    .query(String.class).optional().map(SecretId::new).orElseThrow();
            produce(bootstrapServers(first), "before-restart");

            // Refused as the context is prepared, before any bean or server starts.
            assertThatThrownBy(this::start)
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("Another Stagehand instance is already using the data directory");
        }

        try (ConfigurableApplicationContext second = start()) {
            streamer.client(client(second)).get().uri("/api/me").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.displayName").isEqualTo("Survivor");
            assertThat(second.getBean(SecretStore.class).read(token)).hasValueSatisfying(
                    json -> assertThat(json).contains("accessToken"));
            TwitchSim twitch = second.getBean(TwitchSim.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> twitch.chat().viewersConnected("pixelpanda") == 1);
            assertThat(consumeAll(bootstrapServers(second))).containsExactly("before-restart");
        }
    }

    @Test
    void anotherProcessCannotLockADataDirectoryInUse() throws Exception {
        try (DataDirectory held = DataDirectory.lock(dataDir)) {
            Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LockProbe.class.getName(), dataDir.toString())
                    .redirectErrorStream(true).start();
            assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(probe.exitValue()).isEqualTo(3);
            assertThat(output).contains("Another Stagehand instance is already using the data directory "
                    + held.root());
        }
    }

    /** Run in a separate JVM by the test above: tries to lock the directory it is given. */
    public static final class LockProbe {
        public static void main(String[] args) throws Exception {
            try (DataDirectory ignored = DataDirectory.lock(Path.of(args[0]))) {
                System.exit(0);
            } catch (DataDirectoryInUseException expected) {
                System.out.println(expected.getMessage());
                System.exit(3);
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return SideApplication.start(
                "--server.port=0",
                "--stagehand.embedded.data-dir=" + dataDir);
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        return WebTestClient.bindToServer().baseUrl(baseUrl(context)).responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static String bootstrapServers(ConfigurableApplicationContext context) {
        return context.getBean(EmbeddedKafka.class).bootstrapServers();
    }

    private static void produce(String bootstrapServers, String value) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "key", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> consumeAll(String bootstrapServers) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    return java.util.stream.StreamSupport.stream(records.spliterator(), false)
                            .map(record -> record.value()).toList();
                }
            }
            return List.of();
        }
    }
}
