package dev.stagehand.query.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.SpikeRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {

    private static final Instant START = Instant.parse("2026-12-03T18:00:00Z");
    private final SpikeDetector detector = new SpikeDetector(new SpikeRule(5, 20, 3.0, 10, 30, 30));
    private SpikeDetector.State state;
    private final List<ChatSpike> spikes = new ArrayList<>();
    private long second;

    @BeforeEach
    void setUp() {
        state = detector.fresh();
    }

    /** {@code perSecond} messages in each of the next {@code seconds} seconds. */
    private void chat(int seconds, int perSecond, String text) {
        for (int i = 0; i < seconds; i++, second++) {
            for (int m = 0; m < perSecond; m++) {
                detector.message("100", state, START.plusSeconds(second).plusMillis(m), text).ifPresent(spikes::add);
            }
        }
    }

    /** One message a second later, so that the seconds before it end. */
    private void tick() {
        detector.message("100", state, START.plusSeconds(second + 1), "tick").ifPresent(spikes::add);
        second++;
    }

    @Test
    void aBurstWellAboveASteadyChatIsASpikeWithItsStatistics() {
        chat(40, 2, "steady");
        chat(3, 20, "POGGERS");
        tick();

        assertThat(spikes).hasSize(1);
        ChatSpike spike = spikes.get(0);
        assertThat(spike.channelId()).isEqualTo("100");
        assertThat(spike.baselineMean()).isEqualTo(10.0);
        assertThat(spike.baselineStdDev()).isEqualTo(0.0);
        assertThat(spike.threshold()).isEqualTo(20.0);
        assertThat(spike.messages()).isGreaterThan(20);
        assertThat(spike.windowEnd()).isEqualTo(spike.windowStart().plusSeconds(5));
        assertThat(spike.baselineWindows()).isEqualTo(20);
    }

    @Test
    void aQuietChatNeedsTheMinimumLiftNotJustThreeDeviations() {
        chat(40, 0, "");
        chat(1, 5, "five messages in a silent chat");
        tick();
        tick();

        assertThat(spikes).isEmpty();
    }

    @Test
    void commandsDoNotCount() {
        chat(40, 2, "steady");
        chat(3, 20, "!drop");
        tick();

        assertThat(spikes).isEmpty();
    }

    @Test
    void nothingIsASpikeBeforeTheBaselineIsFull() {
        chat(20, 2, "steady");
        chat(3, 30, "POGGERS");
        tick();

        assertThat(spikes).isEmpty();
    }

    @Test
    void aSecondBurstWithinTheCooldownIsNotASpikeButOneAfterItIs() {
        chat(40, 2, "steady");
        chat(3, 20, "first");
        chat(10, 2, "steady");
        chat(3, 30, "within the cooldown");
        chat(30, 2, "steady");
        chat(3, 40, "after the cooldown");
        tick();

        assertThat(spikes).hasSize(2);
        assertThat(Duration.between(spikes.get(0).windowEnd(), spikes.get(1).windowEnd()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aBurstRightAfterARaidIsNotClipped() {
        chat(40, 2, "steady");
        detector.burst("100", state, START.plusSeconds(second)).ifPresent(spikes::add);
        chat(3, 20, "raid hype");
        tick();

        assertThat(spikes).isEmpty();
    }

    @Test
    void afterALongSilenceTheBaselineIsThatSilence() {
        chat(40, 2, "steady");
        second += 10_000;
        chat(40, 0, "");
        chat(3, 20, "after a night's silence");
        tick();

        assertThat(spikes).hasSize(1);
        assertThat(spikes.get(0).baselineMean()).isEqualTo(0.0);
    }

    @Test
    void aBurstEndedByALongSilenceIsStillEvaluated() {
        chat(40, 2, "steady");
        chat(1, 40, "one big second");
        second += 10_000;
        tick();

        assertThat(spikes).hasSize(1);
    }
}
