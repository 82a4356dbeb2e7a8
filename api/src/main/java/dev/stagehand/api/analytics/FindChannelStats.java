package dev.stagehand.api.analytics;

/**
 * Answered with a {@code List<ChatStats>}: the channel's latest window of each length (none before its first
 * message).
 */
public record FindChannelStats(String channelId) {
}
