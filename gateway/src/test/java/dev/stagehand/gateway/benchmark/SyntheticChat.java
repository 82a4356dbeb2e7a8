package dev.stagehand.gateway.benchmark;

import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.chat.ChatRecord.Chatter;
import dev.stagehand.api.chat.ChatRecord.EmoteOccurrence;
import dev.stagehand.api.chat.ChatRecord.EmoteProvider;
import dev.stagehand.api.chat.ChatRecord.Kind;
import dev.stagehand.api.kafka.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backlog of chat written straight to {@code stagehand.chat.messages}: chat lines of about 700 bytes of JSON (one
 * emote, one badge) spread over channels and 5,000 chatters, 50 a millisecond from {@code start}.
 */
final class SyntheticChat {

    private SyntheticChat() {
    }

    /** Writes the backlog with the application's producer, saying how long that took. */
    @SuppressWarnings("unchecked")
    static void backlog(ConfigurableApplicationContext app, int records, int channels) {
        long start = System.nanoTime();
        write(app.getBean(KafkaTemplate.class), app.getBean(JsonMapper.class), records, channels, Instant.now());
        System.out.printf("Backlog: %,d records over %d channels on Kafka in %.1f s%n", records, channels,
                (System.nanoTime() - start) / 1e9);
    }

    private static void write(KafkaTemplate<String, String> kafka, JsonMapper json, int records, int channels,
                              Instant start) {
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
    }
}
