package dev.stagehand.api.analytics;

import java.time.Instant;

/** Answered with {@link StreamChatStats}: the channel's chat since its stream began at {@code since}. */
public record FindStreamChatStats(String channelId, Instant since) {
}
