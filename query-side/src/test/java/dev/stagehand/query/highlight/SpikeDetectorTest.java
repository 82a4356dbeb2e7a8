package dev.stagehand.query.highlight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.SpikeRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {

    private static final Instant START = Instant.parse("2026-12-03T18:00:00Z");
    private SpikeDetector detector = new SpikeDetector(new SpikeRule(5, 20, 3.0, 10, 30, 30, 0));
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
        // An even 2 a second has no spread: random arrivals at that rate would have √2.
        assertThat(spike.intensity()).isCloseTo((spike.messages() / 5.0 - 2) / Math.sqrt(2), within(1e-9));
    }

    @Test
    void intensityIsTheWindowsRateAboveTheBaselinesInItsPerSecondSpread() {
        for (int s = 0; s < 40; s++) {
            chat(1, s % 2 == 0 ? 1 : 5, "uneven");
        }
        chat(1, 60, "burst");
        tick();

        assertThat(spikes).singleElement().satisfies(spike -> {
            // The 24 seconds before the window: 1, 5, 1, 5, … (mean 3, sample deviation √(96/23)).
            double expected = (spike.messages() / 5.0 - 3) / Math.sqrt(96.0 / 23);
            assertThat(spike.intensity()).isCloseTo(expected, within(1e-9));
        });
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
    void afterASilenceLongerThanTheBaselineTheChannelWarmsUpAgain() {
        chat(40, 2, "steady");
        chat(21, 0, "");
        chat(20, 2, "the stream is back");
        chat(3, 20, "too soon to tell");
        assertThat(spikes).isEmpty();

        chat(40, 2, "steady");
        chat(3, 20, "warm again");
        tick();
        assertThat(spikes).hasSize(1);
        assertThat(spikes.get(0).baselineMean()).isEqualTo(10.0);
    }

    @Test
    void aSilenceWithinTheBaselineKeepsTheChannelWarm() {
        chat(40, 2, "steady");
        chat(15, 0, "");
        chat(1, 2, "back");
        chat(3, 20, "hype");
        tick();

        assertThat(spikes).hasSize(1);
    }

    @Test
    void anEvenChatDoesNotMakeAHandfulOfMessagesASpike() {
        watchWith(new SpikeRule(5, 20, 3.0, 1, 30, 30, 0));
        chat(40, 2, "bot");
        chat(1, 8, "a handful");
        tick();
        assertThat(spikes).isEmpty();

        chat(1, 20, "a real burst");
        tick();
        assertThat(spikes).singleElement().satisfies(spike -> {
            assertThat(spike.baselineStdDev()).isEqualTo(0.0);
            assertThat(spike.threshold()).isCloseTo(10 + 3 * Math.sqrt(10), within(1e-9));
        });
    }

    /** A burst that rises for three seconds and falls in the fourth. */
    private void risingBurst() {
        chat(1, 10, "rising");
        chat(1, 20, "rising");
        chat(1, 40, "peak");
        chat(1, 10, "falling");
    }

    /** From now on the channel is watched afresh with {@code rule}. */
    private void watchWith(SpikeRule rule) {
        detector = new SpikeDetector(rule);
        state = detector.fresh();
        spikes.clear();
        second = 0;
    }

    @Test
    void followedToItsPeakASpikeIsReportedOnceWithItsHighestWindowWhenItEnds() {
        chat(40, 2, "steady");
        risingBurst();
        chat(10, 2, "steady");
        assertThat(spikes).singleElement().satisfies(first -> {
            assertThat(first.messages()).isEqualTo(36);
            assertThat(first.windowEnd()).isEqualTo(START.plusSeconds(42));
        });

        watchWith(new SpikeRule(5, 20, 3.0, 10, 30, 30, 25));
        chat(40, 2, "steady");
        risingBurst();
        chat(3, 2, "steady");
        assertThat(spikes).isEmpty();
        chat(1, 2, "the window is back under the threshold");
        chat(1, 2, "which ends the period");
        assertThat(spikes).singleElement().satisfies(peak -> {
            assertThat(peak.messages()).isEqualTo(82);
            assertThat(peak.windowEnd()).isEqualTo(START.plusSeconds(44));
            assertThat(peak.threshold()).isEqualTo(20.0);
            assertThat(peak.intensity()).isCloseTo((82 / 5.0 - 2) / Math.sqrt(2), within(1e-9));
        });
    }

    @Test
    void aLongElevatedPeriodIsReportedWhenItHasBeenFollowedForPeakSeconds() {
        watchWith(new SpikeRule(5, 20, 3.0, 10, 30, 30, 25));
        chat(40, 2, "steady");
        chat(26, 20, "a long hype train");
        assertThat(spikes).isEmpty();
        chat(1, 20, "still going");

        assertThat(spikes).singleElement().satisfies(peak -> {
            assertThat(peak.messages()).isEqualTo(100);
            assertThat(peak.windowEnd()).isEqualTo(START.plusSeconds(45));
        });
    }

    @Test
    void aCommandIsAnExclamationMarkAndALetterOrDigit() {
        assertThat(SpikeDetector.isCommand("!drop")).isTrue();
        assertThat(SpikeDetector.isCommand("!1v1")).isTrue();
        assertThat(SpikeDetector.isCommand("! lol")).isFalse();
        assertThat(SpikeDetector.isCommand("!!!")).isFalse();
        assertThat(SpikeDetector.isCommand("!@x")).isFalse();
        assertThat(SpikeDetector.isCommand("!")).isFalse();
        assertThat(SpikeDetector.isCommand(null)).isFalse();

        chat(40, 2, "steady");
        chat(3, 20, "!!!");
        tick();
        assertThat(spikes).hasSize(1);
    }

    @Test
    void theCooldownIsInclusive() {
        chat(40, 2, "steady");
        chat(1, 40, "first");
        chat(29, 2, "steady");
        chat(1, 40, "exactly a cooldown later");
        chat(5, 2, "steady");

        assertThat(spikes).hasSize(2);
        // The second burst's own second is still cooling down; the next second's window, which holds it, is not.
        assertThat(Duration.between(spikes.get(0).windowEnd(), spikes.get(1).windowEnd()))
                .isEqualTo(Duration.ofSeconds(31));
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
