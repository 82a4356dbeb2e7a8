package dev.stagehand.query.channel;

import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.channel.ChannelJoinFailed;
import dev.stagehand.api.channel.ChannelJoined;
import dev.stagehand.api.channel.ChannelLeft;
import dev.stagehand.api.channel.ChannelSubscribed;
import dev.stagehand.api.channel.ChannelUnsubscribed;
import dev.stagehand.api.channel.ChannelView;
import dev.stagehand.api.channel.ChannelView.Connection;
import dev.stagehand.api.channel.FindChannel;
import dev.stagehand.api.channel.FindChannelsOf;
import dev.stagehand.platform.axon.ReadModel;
import dev.stagehand.platform.axon.ReadModelWrites;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds {@code channel_view} and {@code channel_subscription_view}; idempotent, like every projection. */
@Component
@ReadModel({"channel_view", "channel_subscription_view"})
@ProcessingGroup("channels")
class ChannelProjection {

    private static final String SELECT = """
            SELECT c.*, s.account_id, s.subscribed_at FROM channel_view c
            JOIN channel_subscription_view s ON s.channel_id = c.channel_id""";

    private final JdbcClient jdbc;
    private final ReadModelWrites writes;

    ChannelProjection(JdbcClient jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(ChannelSubscribed event, @Timestamp Instant at) {
        writes.sql("""
                    INSERT INTO channel_view (channel_id, login, display_name, connection, subscribers, updated_at)
                    VALUES (:id, :login, :name, 'JOINING', :subscribers, :at)
                    ON CONFLICT (channel_id) DO UPDATE SET login = EXCLUDED.login,
                        display_name = EXCLUDED.display_name, subscribers = EXCLUDED.subscribers,
                        connection = CASE WHEN channel_view.connection = 'LEFT' THEN 'JOINING'
                                          ELSE channel_view.connection END,
                        updated_at = CASE WHEN channel_view.connection = 'LEFT' THEN EXCLUDED.updated_at
                                          ELSE channel_view.updated_at END""")
            .param("id", event.channelId().value())
            .param("login", event.login())
            .param("name", event.displayName())
            .param("subscribers", event.subscribers())
            .param("at", java.sql.Timestamp.from(at))
            .update();
        writes.sql("""
                    INSERT INTO channel_subscription_view (channel_id, account_id, subscribed_at)
                    VALUES (:id, :account, :at) ON CONFLICT DO NOTHING""")
            .param("id", event.channelId().value())
            .param("account", event.subscriber().value())
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(ChannelUnsubscribed event, @Timestamp Instant at) {
        writes.sql("DELETE FROM channel_subscription_view WHERE channel_id = :id AND account_id = :account")
            .param("id", event.channelId().value())
            .param("account", event.subscriber().value())
            .update();
        writes.sql("UPDATE channel_view SET subscribers = :subscribers WHERE channel_id = :id")
            .param("id", event.channelId().value())
            .param("subscribers", event.subscribers())
            .update();
    }

    @EventHandler
    void on(ChannelJoined event, @Timestamp Instant at) {
        connection(event.channelId(), Connection.JOINED, null, at);
    }

    @EventHandler
    void on(ChannelJoinFailed event, @Timestamp Instant at) {
        connection(event.channelId(), Connection.FAILED, event.reason(), at);
    }

    @EventHandler
    void on(ChannelLeft event, @Timestamp Instant at) {
        connection(event.channelId(), Connection.LEFT, null, at);
    }

    @ResetHandler
    void clear() {
        writes.sql("DELETE FROM channel_subscription_view").update();
        writes.sql("DELETE FROM channel_view").update();
    }

    @QueryHandler
    List<ChannelView> handle(FindChannelsOf query) {
        return jdbc.sql(SELECT + " WHERE s.account_id = :account ORDER BY c.login")
                   .param("account", query.subscriber().value())
                   .query(ChannelProjection::toView)
                   .list();
    }

    @QueryHandler
    Optional<ChannelView> handle(FindChannel query) {
        return jdbc.sql("""
                    SELECT c.*, NULL AS subscribed_at FROM channel_view c
                    WHERE c.channel_id = :channel OR lower(c.login) = lower(:channel)
                    ORDER BY c.channel_id = :channel DESC LIMIT 1""")
                   .param("channel", query.idOrLogin())
                   .query(ChannelProjection::toView)
                   .optional();
    }

    private void connection(ChannelId id, Connection connection, String reason, Instant at) {
        writes.sql("UPDATE channel_view SET connection = :connection, reason = :reason, updated_at = :at "
                        + "WHERE channel_id = :id")
            .param("id", id.value())
            .param("connection", connection.name())
            .param("reason", reason)
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    private static ChannelView toView(ResultSet row, int rowNumber) throws SQLException {
        java.sql.Timestamp subscribedAt = row.getTimestamp("subscribed_at");
        return new ChannelView(new ChannelId(row.getString("channel_id")), row.getString("login"),
                row.getString("display_name"), Connection.valueOf(row.getString("connection")),
                row.getString("reason"), row.getInt("subscribers"),
                subscribedAt == null ? null : subscribedAt.toInstant(), row.getTimestamp("updated_at").toInstant());
    }
}
