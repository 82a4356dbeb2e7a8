package dev.stagehand.api.channel;

/**
 * Answered with an {@code Optional<ChannelView>}: the channel someone subscribes whose Twitch id, or else login, is
 * {@code idOrLogin}; not as a subscriber sees it ({@code subscribedAt} null).
 */
public record FindChannel(String idOrLogin) {
}
