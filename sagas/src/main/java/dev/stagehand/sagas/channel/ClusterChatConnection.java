package dev.stagehand.sagas.channel;

import dev.stagehand.api.channel.ChannelId;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deployment's presence in Twitch chats, whichever node's saga asks: the chats to be in are written down in
 * {@code chat_channel}, and {@link ChatChannelClaims} on every node shares their reading out, one node per channel.
 */
@Component
class ClusterChatConnection implements ChatConnection {

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    ClusterChatConnection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Asks for the channel's chat; asked again, the reading node joins again (after a join that failed). */
    @Override
    public void join(ChannelId channel, String login) {
        jdbc.sql("""
                INSERT INTO chat_channel (channel_id, login, requested_at) VALUES (:id, :login, :at)
                ON CONFLICT (channel_id) DO UPDATE SET login = :login, requested_at = :at""")
            .param("id", channel.value())
            .param("login", login)
            .param("at", Timestamp.from(clock.instant()))
            .update();
    }

    @Override
    public void leave(ChannelId channel, String login) {
        jdbc.sql("DELETE FROM chat_channel WHERE channel_id = :id").param("id", channel.value()).update();
    }
}
