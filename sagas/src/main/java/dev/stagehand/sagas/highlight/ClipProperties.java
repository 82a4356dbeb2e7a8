package dev.stagehand.sagas.highlight;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How clips are asked of Twitch.
 *
 * @param attemptDelays the wait before each attempt at creating a clip: as many attempts as waits; only a 408, a 429,
 *                      a 5xx or no answer leads to the next one
 * @param pollInterval  how often Helix is asked whether an accepted clip exists yet
 * @param visibleWithin how long an accepted clip may take to appear before it counts as failed (Twitch documents 15 s)
 * @param latestAfter   how late after its spike a clip may still be asked for: Twitch clips the live stream's last
 *                      seconds, so a later clip would show another moment (a replay's old spikes never clip)
 */
@ConfigurationProperties("stagehand.highlights.clips")
public record ClipProperties(@DefaultValue({"0s", "3s", "6s"}) List<Duration> attemptDelays,
                             @DefaultValue("3s") Duration pollInterval, @DefaultValue("60s") Duration visibleWithin,
                             @DefaultValue("60s") Duration latestAfter) {

    public ClipProperties {
        attemptDelays = List.copyOf(attemptDelays);
    }
}
