package dev.stagehand.query.highlight;

import dev.stagehand.api.highlight.DetectorWarmUp;
import dev.stagehand.api.highlight.FindDetectorWarmUp;
import dev.stagehand.platform.kafka.JsonRecords;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps each channel's latest {@link DetectorWarmUp} from {@code stagehand.highlights.warm-ups} in
 * {@code spike_warm_up_view}, and answers when a channel's spike detector is warm.
 */
@Component
class SpikeWarmUpView {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SpikeWarmUpView(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @KafkaListener(id = "spike-warm-up-view", groupId = "stagehand-spike-warm-up-view",
            topics = "stagehand.highlights.warm-ups", batch = "true", properties = "auto.offset.reset=earliest")
    void store(List<ConsumerRecord<String, String>> batch) {
        // A partition's records come in order, so the later of two for a channel is the one to keep.
        for (DetectorWarmUp warmUp : JsonRecords.readable(batch, json, DetectorWarmUp.class)) {
            jdbc.sql("""
                        INSERT INTO spike_warm_up_view (channel_id, since, warm_at) VALUES (:channel, :since, :warm)
                        ON CONFLICT (channel_id) DO UPDATE SET since = :since, warm_at = :warm""")
                .param("channel", warmUp.channelId())
                .param("since", Timestamp.from(warmUp.since()))
                .param("warm", Timestamp.from(warmUp.warmAt()))
                .update();
        }
    }

    @QueryHandler
    Optional<DetectorWarmUp> handle(FindDetectorWarmUp query) {
        return jdbc.sql("SELECT since, warm_at FROM spike_warm_up_view WHERE channel_id = :channel")
                   .param("channel", query.channelId())
                   .query((row, number) -> new DetectorWarmUp(query.channelId(),
                           row.getTimestamp("since").toInstant(), row.getTimestamp("warm_at").toInstant()))
                   .optional();
    }
}
