package dev.stagehand.api.channel;

import java.time.Instant;

/**
 * A channel as a subscriber sees it.
 *
 * @param connection   where Stagehand's chat connection to it stands
 * @param reason       why the last join failed, when it did
 * @param subscribedAt when the asking account subscribed it; {@code null} in the update that tells an account it
 *                     no longer does
 * @param updatedAt    when the connection last changed
 */
public record ChannelView(ChannelId channelId, String login, String displayName, Connection connection, String reason,
                          int subscribers, Instant subscribedAt, Instant updatedAt) {

    public enum Connection {
        JOINING,
        JOINED,
        FAILED,
        LEFT
    }
}
