package dev.stagehand.query.highlight;

import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.FindChatSpikes;
import dev.stagehand.platform.kafka.JsonRecords;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds {@code chat_spike_view} from {@code stagehand.highlights.spikes} and answers which spikes a channel had. */
@Component
class ChatSpikeView {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Counter detected;

    ChatSpikeView(JdbcClient jdbc, JsonMapper json, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.json = json;
        this.detected = Counter.builder("stagehand.highlights.spikes")
                .description("Chat spikes detected, each counted once as it is stored").register(registry);
    }

    @KafkaListener(id = "chat-spike-view", groupId = "stagehand-chat-spike-view",
            topics = "stagehand.highlights.spikes", batch = "true", properties = "auto.offset.reset=earliest")
    void store(List<ConsumerRecord<String, String>> batch) {
        for (ChatSpike spike : JsonRecords.readable(batch, json, ChatSpike.class)) {
            int stored = jdbc.sql("""
                        INSERT INTO chat_spike_view (channel_id, window_start, window_end, spike)
                        VALUES (:channel, :start, :end, :spike) ON CONFLICT DO NOTHING""")
                .param("channel", spike.channelId())
                .param("start", Timestamp.from(spike.windowStart()))
                .param("end", Timestamp.from(spike.windowEnd()))
                .param("spike", json.writeValueAsString(spike))
                .update();
            detected.increment(stored);
        }
    }

    @QueryHandler
    List<ChatSpike> handle(FindChatSpikes query) {
        return jdbc.sql("""
                    SELECT spike FROM chat_spike_view WHERE channel_id = :channel AND window_end >= :from
                    AND window_end < :to ORDER BY window_end DESC""")
                   .param("channel", query.channelId())
                   .param("from", Timestamp.from(query.from()))
                   .param("to", Timestamp.from(query.to()))
                   .query(String.class).list().stream()
                   .map(spike -> json.readValue(spike, ChatSpike.class)).toList();
    }
}
