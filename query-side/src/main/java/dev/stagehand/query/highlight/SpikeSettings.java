package dev.stagehand.query.highlight;

import dev.stagehand.api.common.SettingCheck;
import dev.stagehand.api.highlight.SpikeRule;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deployment's spike rule, for every channel whose broadcaster did not set their own; see {@link SpikeRule} for
 * what each parameter means.
 */
@ConfigurationProperties("stagehand.highlights.spikes")
public record SpikeSettings(@DefaultValue("5s") Duration window, @DefaultValue("120") int baselineWindows,
                            @DefaultValue("3.0") double sigmas, @DefaultValue("10") int minimumLift,
                            @DefaultValue("30s") Duration cooldown, @DefaultValue("30s") Duration afterBurst,
                            @DefaultValue("0s") Duration peak) {

    private static final String PREFIX = "stagehand.highlights.spikes.";

    /** Checked as the application starts: a setting out of its range stops it, named. */
    public SpikeSettings {
        check(window.toMillis() % 1000 == 0 && !window.isNegative() && window.toSeconds() >= 1
                && window.toSeconds() <= 60, "window", "whole seconds between 1s and 60s", window);
        check(baselineWindows >= 10 && baselineWindows <= 3600, "baseline-windows", "between 10 and 3600",
                baselineWindows);
        check(sigmas >= 0 && sigmas <= 20, "sigmas", "between 0 and 20", sigmas);
        check(minimumLift >= 1 && minimumLift <= 100_000, "minimum-lift", "between 1 and 100000", minimumLift);
        check(!cooldown.isNegative() && cooldown.toSeconds() <= 3600, "cooldown", "between 0s and 3600s", cooldown);
        check(!afterBurst.isNegative() && afterBurst.toSeconds() <= 3600, "after-burst", "between 0s and 3600s",
                afterBurst);
        check(!peak.isNegative() && peak.toMillis() % 1000 == 0 && peak.toSeconds() <= 60, "peak",
                "whole seconds between 0s and 60s", peak);
    }

    private static void check(boolean holds, String setting, String range, Object value) {
        SettingCheck.require(holds, PREFIX + setting, range, value);
    }

    public SpikeRule rule() {
        return new SpikeRule((int) window.toSeconds(), baselineWindows, sigmas, minimumLift,
                (int) cooldown.toSeconds(), (int) afterBurst.toSeconds(), (int) peak.toSeconds());
    }
}
