package dev.stagehand.api.highlight;

import java.time.Instant;

/**
 * A channel's chat exploded, as it travels on {@code stagehand.highlights.spikes}: the window that broke the rule and
 * the baseline it was measured against.
 *
 * @param messages        chat messages in the window (commands not counted)
 * @param baselineMean    the mean of the baseline windows
 * @param baselineStdDev  their standard deviation
 * @param threshold       what the window had to exceed: the larger of mean + k·σ and mean + the minimum lift
 * @param baselineWindows how many windows the baseline held
 * @param intensity       how far the window stood out: (its mean messages per second − the baseline's mean per
 *                        second) / the sample standard deviation of the baseline's per-second counts (never less than
 *                        random arrivals at that mean would give: its square root, at least 1); null for spikes
 *                        detected before it was measured
 */
public record ChatSpike(int schemaVersion, String channelId, Instant windowStart, Instant windowEnd, long messages,
                        double baselineMean, double baselineStdDev, double threshold, int baselineWindows,
                        Double intensity) {

    public static final int SCHEMA_VERSION = 1;
}
