package dev.stagehand.query.highlight;

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
                            @DefaultValue("30s") Duration cooldown, @DefaultValue("30s") Duration afterBurst) {

    public SpikeRule rule() {
        return new SpikeRule((int) window.toSeconds(), baselineWindows, sigmas, minimumLift,
                (int) cooldown.toSeconds(), (int) afterBurst.toSeconds());
    }
}
