package dev.stagehand.api.analytics;

import java.time.Instant;

/**
 * Answered with a {@code List<ChatStats>}: the channel's windows of this length that start in [from, to), oldest
 * first.
 */
public record FindChatStatsSeries(String channelId, int windowSeconds, Instant from, Instant to) {
}
