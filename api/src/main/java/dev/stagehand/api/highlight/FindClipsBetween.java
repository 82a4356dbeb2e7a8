package dev.stagehand.api.highlight;

import java.time.Instant;
import java.util.Set;

/**
 * Answered with a {@code List<ClipView>}: the clips created in [start, end) for these channels, newest first, at most
 * {@code limit}.
 */
public record FindClipsBetween(Set<String> channelIds, Instant start, Instant end, int limit) {

    public FindClipsBetween {
        channelIds = Set.copyOf(channelIds);
    }
}
