package dev.stagehand.gateway.channel;

import dev.stagehand.api.channel.ChannelView;
import java.time.Instant;
import java.util.Locale;

/** @param connection joining, joined, failed (see {@code reason}) or left */
record ChannelResponse(String id, String login, String displayName, String connection, String reason,
                       Instant subscribedAt, Instant updatedAt) {

    static ChannelResponse of(ChannelView view) {
        return new ChannelResponse(view.channelId().value(), view.login(), view.displayName(),
                view.connection().name().toLowerCase(Locale.ROOT), view.reason(), view.subscribedAt(),
                view.updatedAt());
    }
}
