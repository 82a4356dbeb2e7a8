package dev.stagehand.query.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.highlight.AutoClipChosen;
import dev.stagehand.api.highlight.AutoClippingPaused;
import dev.stagehand.api.highlight.AutoClippingResumed;
import dev.stagehand.api.highlight.FindHighlightSettings;
import dev.stagehand.api.highlight.HighlightSettings;
import dev.stagehand.api.highlight.HighlightSettings.Pause;
import dev.stagehand.api.highlight.HighlightsConfigured;
import dev.stagehand.api.highlight.SpikeRule;
import dev.stagehand.query.ProjectionTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HighlightSettingsViewTest extends ProjectionTest {

    private static final ChannelId CHANNEL = new ChannelId("100000001");
    private static final AccountId ADA = new AccountId("ada");
    private static final AccountId SAM = new AccountId("sam");
    private static final Instant AT = Instant.parse("2026-12-04T20:00:00Z");
    private static final SpikeRule OWN = new SpikeRule(10, 60, 2.5, 25, 120, 30, 0);
    private static final SpikeSettings DEFAULTS = new SpikeSettings(Duration.ofSeconds(5), 120, 3.0, 10,
            Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ZERO);

    private final HighlightSettingsView view = new HighlightSettingsView(JDBC, WRITES, JSON, DEFAULTS);

    @BeforeEach
    void clear() {
        view.clear();
    }

    private HighlightSettings settings() {
        return view.handle(new FindHighlightSettings(CHANNEL.value()));
    }

    @Test
    void aChannelNeverConfiguredHasTheDefaults() {
        assertThat(settings()).isEqualTo(new HighlightSettings(CHANNEL.value(), DEFAULTS.rule(), false, true, false,
                false, java.util.List.of(), null));
    }

    @Test
    void theBroadcastersChoicesApply() {
        view.on(new HighlightsConfigured(CHANNEL, ADA, OWN, false, true, true), AT);
        assertThat(settings()).satisfies(now -> {
            assertThat(now.rule()).isEqualTo(OWN);
            assertThat(now.custom()).isTrue();
            assertThat(now.othersMayClip()).isFalse();
            assertThat(now.publicClips()).isTrue();
            assertThat(now.publicStats()).isTrue();
        });
    }

    @Test
    void autoClippersAreTriedBroadcasterFirstThenInTheOrderTheyChose() {
        view.on(new AutoClipChosen(CHANNEL, SAM, "200000002", true), AT);
        view.on(new AutoClipChosen(CHANNEL, ADA, CHANNEL.value(), true), AT.plusSeconds(1));
        assertThat(settings().clippers()).containsExactly(CHANNEL.value(), "200000002");
        assertThat(settings().autoClips(SAM)).isTrue();

        view.on(new AutoClipChosen(CHANNEL, SAM, "200000002", false), AT.plusSeconds(2));
        assertThat(settings().clippers()).containsExactly(CHANNEL.value());
    }

    @Test
    void othersChoicesStayButMakeNoClipWhileTheBroadcasterKeepsClippingToThemselves() {
        view.on(new AutoClipChosen(CHANNEL, SAM, "200000002", true), AT);
        view.on(new HighlightsConfigured(CHANNEL, ADA, null, false, false, false), AT.plusSeconds(1));
        assertThat(settings().autoClips(SAM)).isTrue();
        assertThat(settings().clippers()).isEmpty();
    }

    @Test
    void aPauseStopsEveryClipUntilResumedAndKeepsTheSettings() {
        view.on(new HighlightsConfigured(CHANNEL, ADA, OWN, true, true, false), AT);
        view.on(new AutoClipChosen(CHANNEL, SAM, "200000002", true), AT);
        view.on(new AutoClippingPaused(CHANNEL, "clips are off"), AT.plusSeconds(5));
        assertThat(settings().paused()).isEqualTo(new Pause("clips are off", AT.plusSeconds(5)));
        assertThat(settings().clippers()).isEmpty();
        assertThat(settings().rule()).isEqualTo(OWN);

        view.on(new AutoClippingResumed(CHANNEL, SAM), AT.plusSeconds(9));
        assertThat(settings().paused()).isNull();
        assertThat(settings().clippers()).containsExactly("200000002");
    }

    @Test
    void aRevisionOneConfigurationWithAutoClipMakesTheBroadcasterAnAutoClipper() {
        view.on(new HighlightsConfigured(CHANNEL, ADA, true, OWN, null, null, null), AT);
        assertThat(settings().autoClips(ADA)).isTrue();
        assertThat(settings().othersMayClip()).isTrue();
        assertThat(settings().publicClips()).isFalse();
        view.on(new HighlightsConfigured(CHANNEL, ADA, false, OWN, null, null, null), AT.plusSeconds(1));
        assertThat(settings().autoClips(ADA)).isFalse();
    }

    @Test
    void eachEventAppliedTwiceChangesNothing() {
        AutoClipChosen chosen = new AutoClipChosen(CHANNEL, SAM, "200000002", true);
        view.on(chosen, AT);
        view.on(chosen, AT.plusSeconds(3));
        assertThat(settings().autoClippers()).singleElement()
                .satisfies(clipper -> assertThat(clipper.since()).isEqualTo(AT));
    }
}
