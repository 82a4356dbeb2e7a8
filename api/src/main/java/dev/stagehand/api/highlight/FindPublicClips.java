package dev.stagehand.api.highlight;

import java.time.Instant;

/**
 * Answered with {@link PublicClips}: the public highlight feed, the created clips of the top streams watch and of
 * channels whose broadcaster made theirs public, of at least this intensity and detected in [start, end), newest
 * detected first.
 *
 * @param start the earliest detection to include; {@code null} for no bound
 * @param end   the detection to stop before; {@code null} for no bound
 */
public record FindPublicClips(double minIntensity, Instant start, Instant end, int limit, int offset) {
}
