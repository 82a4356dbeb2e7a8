package dev.stagehand.api.highlight;

import java.time.Instant;

/**
 * Answered with a {@code List<ClipView>}: the clips a channel's spikes asked for in [from, to), however they went,
 * newest first, at most {@code limit}.
 */
public record FindChannelClips(String channelId, Instant from, Instant to, int limit) {
}
