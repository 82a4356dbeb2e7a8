package dev.stagehand.query.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.highlight.DetectorWarmUp;
import dev.stagehand.api.highlight.FindDetectorWarmUp;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.query.ProjectionTest;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class SpikeWarmUpViewTest extends ProjectionTest {

    private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

    private final SpikeWarmUpView view = new SpikeWarmUpView(JDBC, JSON);

    @Test
    void aChannelNeverHeardHasNoWarmUp() {
        assertThat(view.handle(new FindDetectorWarmUp("990301"))).isEmpty();
    }

    @Test
    void theLatestWarmUpOfAChannelIsTheOneAnswered() {
        DetectorWarmUp first = new DetectorWarmUp("990302", NOW, NOW.plusSeconds(609));
        DetectorWarmUp afterASilence = new DetectorWarmUp("990302", NOW.plusSeconds(3600), NOW.plusSeconds(4209));
        view.store(List.of(consumed(first), consumed(afterASilence)));

        assertThat(view.handle(new FindDetectorWarmUp("990302"))).contains(afterASilence);
    }

    @Test
    void aRecordTheDetectorDidNotWriteIsPassedOver() {
        DetectorWarmUp warmUp = new DetectorWarmUp("990303", NOW, NOW.plusSeconds(609));
        view.store(List.of(new ConsumerRecord<>(Topics.SPIKE_WARM_UPS.name(), 0, 0, "990303", "not json"),
                consumed(warmUp)));

        assertThat(view.handle(new FindDetectorWarmUp("990303"))).contains(warmUp);
    }

    private static ConsumerRecord<String, String> consumed(DetectorWarmUp warmUp) {
        return new ConsumerRecord<>(Topics.SPIKE_WARM_UPS.name(), 0, 0, warmUp.channelId(),
                JSON.writeValueAsString(warmUp));
    }
}
