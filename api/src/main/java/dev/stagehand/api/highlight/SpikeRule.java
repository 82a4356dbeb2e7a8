package dev.stagehand.api.highlight;

import dev.stagehand.api.common.RuleViolation;

/**
 * How a chat spike is told from a busy chat, for one channel.
 *
 * @param windowSeconds     the length of the sliding window counted, advancing every second
 * @param baselineWindows   how many of the windows before the current one make the baseline; a channel's chat is
 *                          watched this many seconds (plus two windows) before anything counts as a spike
 * @param sigmas            how many standard deviations above the baseline mean the window must be
 * @param minimumLift       how many messages above the baseline mean the window must be at least, because a quiet
 *                          chat's tiny deviation would otherwise make three messages a spike
 * @param cooldownSeconds   no second spike for a channel this soon after one
 * @param afterBurstSeconds no spike this soon after a raid or a gift-sub wave (the burst still feeds the baseline)
 * @param peakSeconds       0: a spike is reported at the first window over the threshold; otherwise the elevated
 *                          period is followed for up to this many seconds and reported once, with its highest window;
 *                          absent (rules written before it existed, clients that leave it out) is 0
 */
public record SpikeRule(int windowSeconds, int baselineWindows, double sigmas, int minimumLift, int cooldownSeconds,
                        int afterBurstSeconds, Integer peakSeconds) {

    public SpikeRule {
        peakSeconds = peakSeconds == null ? 0 : peakSeconds;
    }

    /** @throws RuleViolation naming the first parameter out of its range */
    public SpikeRule validated() {
        check(windowSeconds >= 1 && windowSeconds <= 60, "windowSeconds must be between 1 and 60");
        check(baselineWindows >= 10 && baselineWindows <= 3600, "baselineWindows must be between 10 and 3600");
        check(sigmas >= 0 && sigmas <= 20, "sigmas must be between 0 and 20");
        check(minimumLift >= 1 && minimumLift <= 100_000, "minimumLift must be between 1 and 100000");
        check(cooldownSeconds >= 0 && cooldownSeconds <= 3600, "cooldownSeconds must be between 0 and 3600");
        check(afterBurstSeconds >= 0 && afterBurstSeconds <= 3600, "afterBurstSeconds must be between 0 and 3600");
        check(peakSeconds >= 0 && peakSeconds <= 60, "peakSeconds must be between 0 and 60");
        return this;
    }

    private static void check(boolean holds, String message) {
        if (!holds) {
            throw new RuleViolation(message);
        }
    }
}
