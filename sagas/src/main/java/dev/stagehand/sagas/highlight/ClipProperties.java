package dev.stagehand.sagas.highlight;

import dev.stagehand.api.common.SettingCheck;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How clips are asked of Twitch.
 *
 * @param attemptDelays the wait before each attempt at creating a clip: as many attempts as waits; only a 408, a 429,
 *                      a 5xx or no answer leads to the next one
 * @param lookWaits     the waits before each look in Helix for an accepted clip, growing (Twitch documents 15 s for
 *                      making one, and often takes less): after the last, the clip counts as failed
 * @param latestAfter   how late after its spike a clip may still be asked for: Twitch clips the live stream's last
 *                      seconds, so a later clip would show another moment (a replay's old spikes never clip)
 */
@ConfigurationProperties("stagehand.highlights.clips")
public record ClipProperties(@DefaultValue({"0s", "3s", "6s"}) List<Duration> attemptDelays,
                             @DefaultValue({"5s", "10s", "15s", "30s"}) List<Duration> lookWaits,
                             @DefaultValue("60s") Duration latestAfter) {

    private static final String PREFIX = "stagehand.highlights.clips.";

    /** Checked as the application starts: a setting out of its range stops it, named. */
    public ClipProperties {
        attemptDelays = List.copyOf(attemptDelays);
        check(!attemptDelays.isEmpty(), "attempt-delays", "at least one wait (0s: at once)", attemptDelays);
        check(attemptDelays.stream().noneMatch(Duration::isNegative), "attempt-delays", "waits of 0s or more",
                attemptDelays);
        lookWaits = List.copyOf(lookWaits);
        check(!lookWaits.isEmpty() && lookWaits.stream().allMatch(ClipProperties::positive), "look-waits",
                "at least one wait, each longer than 0s", lookWaits);
        check(positive(latestAfter), "latest-after", "longer than 0s", latestAfter);
    }

    private static boolean positive(Duration wait) {
        return wait.compareTo(Duration.ZERO) > 0;
    }

    private static void check(boolean holds, String setting, String range, Object value) {
        SettingCheck.require(holds, PREFIX + setting, range, value);
    }
}
