package dev.stagehand.gateway.benchmark;

import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.chat.ChatRecord.Chatter;
import dev.stagehand.api.chat.ChatRecord.EmoteOccurrence;
import dev.stagehand.api.chat.ChatRecord.EmoteProvider;
import dev.stagehand.api.chat.ChatRecord.Kind;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.gateway.StagehandApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chat history ingest: writes a backlog of chat records to Kafka while the history writer is stopped, starts it, and
 * measures how fast the rows land in PostgreSQL (Kafka, the writers and PostgreSQL share this machine). A benchmark,
 * not a test: it prints its figures.
 *
 * <p>Run: {@code mvn -q -pl gateway test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.stagehand.gateway.benchmark.ChatHistoryBenchmark -Dexec.args="1000000 100"}
 * (records, channels).
 */
public final class ChatHistoryBenchmark {

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path data = Files.createTempDirectory("stagehand-benchmark");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StagehandApplication.class).run(
                "--server.port=0", "--stagehand.embedded.data-dir=" + data, "--logging.level.root=warn")) {
            run(app, records, channels);
        } finally {
            System.exit(0);
        }
    }

    @SuppressWarnings("unchecked")
    private static void run(ConfigurableApplicationContext app, int records, int channels) throws Exception {
        MessageListenerContainer writer = app.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("chat-history");
        writer.stop();
        KafkaTemplate<String, String> kafka = app.getBean(KafkaTemplate.class);
        JsonMapper json = app.getBean(JsonMapper.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);

        long produceStart = System.nanoTime();
        Instant start = Instant.now();
        for (int i = 0; i < records; i++) {
            String channelId = String.valueOf(100_000 + i % channels);
            Instant at = start.plusMillis(i / 50);
            ChatRecord record = new ChatRecord(ChatRecord.SCHEMA_VERSION, Kind.MESSAGE, UUID.randomUUID().toString(),
                    channelId, "bench_" + channelId, null,
                    new Chatter(String.valueOf(200_000 + i % 5000), "chatter_" + i % 5000, "Chatter_" + i % 5000,
                            "#1E90FF", List.of(new ChatRecord.Badge("subscriber", "12"))),
                    "message " + i + " that is about as long as a chat line usually is Kappa",
                    List.of(new EmoteOccurrence(EmoteProvider.TWITCH, "25", "Kappa", 67, 71, false)),
                    null, null, null, null, null, at, at);
            kafka.send(Topics.CHAT_MESSAGES.name(), channelId, json.writeValueAsString(record));
        }
        kafka.flush();
        System.out.printf("Backlog: %,d records over %d channels on Kafka in %.1f s%n", records, channels,
                (System.nanoTime() - produceStart) / 1e9);

        long ingestStart = System.nanoTime();
        writer.start();
        long stored = 0;
        long lastPrint = ingestStart;
        while (stored < records) {
            Thread.sleep(1000);
            stored = jdbc.sql("SELECT count(*) FROM chat_message").query(Long.class).single();
            if (System.nanoTime() - lastPrint > 5e9) {
                lastPrint = System.nanoTime();
                System.out.printf("  %,d rows after %.0f s%n", stored, (lastPrint - ingestStart) / 1e9);
            }
        }
        double seconds = (System.nanoTime() - ingestStart) / 1e9;
        System.out.printf("History ingest: %,d rows in %.1f s = %,.0f rows/s (aim >= 50,000)%n", stored, seconds,
                stored / seconds);
        System.out.println("Re-run: mvn -q -pl gateway test-compile exec:java -Dexec.classpathScope=test "
                + "-Dexec.mainClass=dev.stagehand.gateway.benchmark.ChatHistoryBenchmark -Dexec.args=\""
                + records + " " + channels + "\"");
    }
}
