package dev.stagehand.query.notification;

import dev.stagehand.api.notification.DeliveryView;
import dev.stagehand.api.notification.FindDeliveries;
import dev.stagehand.api.notification.NotificationAbandoned;
import dev.stagehand.api.notification.NotificationDelivered;
import dev.stagehand.api.notification.NotificationDeliveryFailed;
import dev.stagehand.api.notification.NotificationDispatched;
import dev.stagehand.api.notification.NotificationEnded;
import dev.stagehand.api.notification.NotificationId;
import dev.stagehand.api.notification.NotificationReason;
import dev.stagehand.api.notification.NotificationRedriven;
import dev.stagehand.api.notification.NotificationSkipped;
import dev.stagehand.api.notification.WebhookDeleted;
import dev.stagehand.api.notification.WebhookId;
import dev.stagehand.api.notification.WebhookSubscriptionId;
import dev.stagehand.api.stream.StreamInfo;
import dev.stagehand.platform.axon.ReadModel;
import dev.stagehand.platform.axon.ReadModelWrites;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds each webhook's delivery log: every notification, dispatched or skipped, and every attempt and its answer. */
@Component
@ReadModel({"delivery_view", "delivery_attempt_view"})
@ProcessingGroup("deliveries")
class DeliveryProjection {

    private final JdbcClient jdbc;
    private final ReadModelWrites writes;

    DeliveryProjection(JdbcClient jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(NotificationDispatched event, @Timestamp Instant at) {
        insert(event.notificationId(), event.webhookId(), event.subscriptionId(), event.broadcasterId(),
                event.stream(), event.reason(), "DISPATCHED", null, at);
    }

    @EventHandler
    void on(NotificationSkipped event, @Timestamp Instant at) {
        insert(event.notificationId(), event.webhookId(), event.subscriptionId(), event.broadcasterId(),
                event.stream(), event.reason(), "SKIPPED", event.why(), at);
    }

    @EventHandler
    void on(NotificationDeliveryFailed event, @Timestamp Instant at) {
        attempt(event.notificationId(), event.attempt(), event.status(), event.reason(), event.tookMillis(), at,
                event.nextAttemptAt());
        state(event.notificationId(), event.nextAttemptAt() == null ? "ABANDONED" : "RETRYING", null, at);
    }

    @EventHandler
    void on(NotificationDelivered event, @Timestamp Instant at) {
        attempt(event.notificationId(), event.attempt(), 200, "delivered", event.tookMillis(), at, null);
        writes.sql("UPDATE delivery_view SET message_id = :message WHERE notification_id = :id")
            .param("id", event.notificationId().value()).param("message", event.messageId()).update();
        state(event.notificationId(), "DELIVERED", null, at);
    }

    @EventHandler
    void on(NotificationRedriven event, @Timestamp Instant at) {
        writes.sql("UPDATE delivery_view SET state = 'DISPATCHED', why = NULL, updated_at = :at WHERE notification_id = :id")
            .param("id", event.notificationId().value())
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(NotificationEnded event, @Timestamp Instant at) {
        writes.sql("UPDATE delivery_view SET ended = :ended, updated_at = :at WHERE notification_id = :id")
            .param("id", event.notificationId().value())
            .param("ended", event.outcome())
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(NotificationAbandoned event, @Timestamp Instant at) {
        state(event.notificationId(), "ABANDONED", event.reason(), at);
    }

    @EventHandler
    void on(WebhookDeleted event) {
        writes.sql("DELETE FROM delivery_view WHERE webhook_id = :webhook")
            .param("webhook", UUID.fromString(event.webhookId().value())).update();
    }

    private void insert(NotificationId id, WebhookId webhook, WebhookSubscriptionId subscription, String broadcaster,
                        StreamInfo stream, NotificationReason reason, String state, String why, Instant at) {
        writes.sql("""
                    INSERT INTO delivery_view (notification_id, webhook_id, subscription_id, broadcaster_id, streamer,
                        title, game, reason, state, why, created_at, updated_at)
                    VALUES (:id, :webhook, :subscription, :broadcaster, :streamer, :title, :game, :reason, :state,
                        :why, :at, :at)
                    ON CONFLICT (notification_id) DO NOTHING""")
            .param("id", id.value())
            .param("webhook", UUID.fromString(webhook.value()))
            .param("subscription", UUID.fromString(subscription.value()))
            .param("broadcaster", broadcaster)
            .param("streamer", stream.displayName())
            .param("title", stream.title())
            .param("game", stream.gameName())
            .param("reason", reason.name())
            .param("state", state)
            .param("why", why)
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    private void attempt(NotificationId id, int attempt, int status, String outcome, long took, Instant at,
                         Instant next) {
        // an event handed again after its parent is gone (a rebuild's swap replays some) adds nothing
        writes.sql("""
                    INSERT INTO delivery_attempt_view (notification_id, attempt, status, outcome, took_millis, at,
                        next_attempt_at)
                    SELECT CAST(:id AS TEXT), CAST(:attempt AS INT), CAST(:status AS INT), CAST(:outcome AS TEXT),
                           CAST(:took AS BIGINT), CAST(:at AS TIMESTAMPTZ), CAST(:next AS TIMESTAMPTZ)
                    WHERE EXISTS (SELECT 1 FROM delivery_view WHERE notification_id = :id)
                    ON CONFLICT DO NOTHING""")
            .param("id", id.value())
            .param("attempt", attempt)
            .param("status", status)
            .param("outcome", outcome)
            .param("took", took)
            .param("at", java.sql.Timestamp.from(at))
            .param("next", next == null ? null : java.sql.Timestamp.from(next), java.sql.Types.TIMESTAMP)
            .update();
    }

    private void state(NotificationId id, String state, String why, Instant at) {
        writes.sql("""
                    UPDATE delivery_view SET state = :state, why = COALESCE(CAST(:why AS TEXT), why), updated_at = :at
                    WHERE notification_id = :id""")
            .param("id", id.value())
            .param("state", state)
            .param("why", why, java.sql.Types.VARCHAR)
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @ResetHandler
    void clear() {
        writes.sql("DELETE FROM delivery_view").update();
    }

    @QueryHandler
    List<DeliveryView> handle(FindDeliveries query) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("webhook", UUID.fromString(query.webhookId().value()));
        parameters.put("limit", query.limit());
        StringBuilder sql = new StringBuilder("SELECT * FROM delivery_view WHERE webhook_id = :webhook");
        if (query.state() != null) {
            sql.append(" AND state = :state");
            parameters.put("state", query.state());
        }
        if (query.before() != null) {
            sql.append(" AND (created_at, notification_id) < (:beforeAt, :beforeId)");
            parameters.put("beforeAt", java.sql.Timestamp.from(query.before().createdAt()));
            parameters.put("beforeId", query.before().notificationId());
        }
        return jdbc.sql(sql.append(" ORDER BY created_at DESC, notification_id DESC LIMIT :limit").toString())
                   .params(parameters)
                   .query(this::toView).list();
    }

    private DeliveryView toView(ResultSet row, int rowNumber) throws SQLException {
        NotificationId id = new NotificationId(row.getString("notification_id"));
        return new DeliveryView(id, new WebhookId(row.getString("webhook_id")),
                new WebhookSubscriptionId(row.getString("subscription_id")), row.getString("broadcaster_id"),
                row.getString("streamer"), row.getString("title"), row.getString("game"),
                NotificationReason.valueOf(row.getString("reason")), row.getString("state"), row.getString("why"),
                row.getString("message_id"), row.getString("ended"), attempts(id), row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }

    private List<DeliveryView.Attempt> attempts(NotificationId id) {
        return jdbc.sql("SELECT * FROM delivery_attempt_view WHERE notification_id = :id ORDER BY attempt")
                   .param("id", id.value())
                   .query((row, rowNumber) -> new DeliveryView.Attempt(row.getInt("attempt"), row.getInt("status"),
                           row.getString("outcome"), row.getLong("took_millis"), row.getTimestamp("at").toInstant(),
                           row.getTimestamp("next_attempt_at") == null ? null
                                   : row.getTimestamp("next_attempt_at").toInstant()))
                   .list();
    }
}
