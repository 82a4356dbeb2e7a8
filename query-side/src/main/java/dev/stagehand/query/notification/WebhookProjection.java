package dev.stagehand.query.notification;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.api.notification.FindSubscriptionsWatching;
import dev.stagehand.api.notification.FindWatchTargets;
import dev.stagehand.api.notification.FindWebhook;
import dev.stagehand.api.notification.FindWebhooksOf;
import dev.stagehand.api.notification.NotificationOptions;
import dev.stagehand.api.notification.SubscriptionOptionsChanged;
import dev.stagehand.api.notification.WatchTarget;
import dev.stagehand.api.notification.WatchingSubscription;
import dev.stagehand.api.notification.WebhookDeleted;
import dev.stagehand.api.notification.WebhookDisabled;
import dev.stagehand.api.notification.WebhookId;
import dev.stagehand.api.notification.WebhookRegistered;
import dev.stagehand.api.notification.WebhookSubscribed;
import dev.stagehand.api.notification.WebhookSubscriptionId;
import dev.stagehand.api.notification.WebhookUnsubscribed;
import dev.stagehand.api.notification.WebhookUpdated;
import dev.stagehand.api.notification.WebhookView;
import dev.stagehand.platform.axon.ReadModel;
import dev.stagehand.platform.axon.ReadModelWrites;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds {@code webhook_view} and its subscriptions; every change is pushed to the open queries of that webhook. */
@Component
@ReadModel({"webhook_view", "webhook_subscription_view"})
@ProcessingGroup("webhooks")
class WebhookProjection {

    private final JdbcClient jdbc;
    private final ReadModelWrites writes;
    private final JsonMapper json;

    WebhookProjection(JdbcClient jdbc, ReadModelWrites writes, JsonMapper json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    void on(WebhookRegistered event, @Timestamp Instant at) {
        writes.sql("""
                    INSERT INTO webhook_view (webhook_id, owner_id, name, masked_url, url_id, created_at, updated_at)
                    VALUES (:id, :owner, :name, :masked, :url, :at, :at)
                    ON CONFLICT (webhook_id) DO NOTHING""")
            .param("id", uuid(event.webhookId()))
            .param("owner", event.owner().value())
            .param("name", event.name())
            .param("masked", event.maskedUrl())
            .param("url", UUID.fromString(event.url().value()))
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(WebhookUpdated event, @Timestamp Instant at) {
        writes.sql("UPDATE webhook_view SET name = :name, updated_at = :at WHERE webhook_id = :id")
            .param("id", uuid(event.webhookId()))
            .param("name", event.name())
            .param("at", java.sql.Timestamp.from(at))
            .update();
        if (event.previousUrl() != null) {
            writes.sql("""
                        UPDATE webhook_view SET masked_url = :masked, url_id = :url, disabled_reason = NULL
                        WHERE webhook_id = :id""")
                .param("id", uuid(event.webhookId()))
                .param("masked", event.maskedUrl())
                .param("url", UUID.fromString(event.url().value()))
                .update();
        }
    }

    @EventHandler
    void on(WebhookDisabled event, @Timestamp Instant at) {
        writes.sql("UPDATE webhook_view SET disabled_reason = :reason, updated_at = :at WHERE webhook_id = :id")
            .param("id", uuid(event.webhookId()))
            .param("reason", event.reason())
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(WebhookSubscribed event, @Timestamp Instant at) {
        // an event handed again after its parent is gone (a rebuild's swap replays some) adds nothing
        writes.sql("""
                    INSERT INTO webhook_subscription_view (subscription_id, webhook_id, target_kind, target_id,
                        target_name, options, created_at)
                    SELECT CAST(:id AS UUID), CAST(:webhook AS UUID), CAST(:kind AS TEXT), CAST(:target AS TEXT),
                           CAST(:name AS TEXT), CAST(:options AS TEXT), CAST(:at AS TIMESTAMPTZ)
                    WHERE EXISTS (SELECT 1 FROM webhook_view WHERE webhook_id = :webhook)
                    ON CONFLICT (subscription_id) DO NOTHING""")
            .param("id", UUID.fromString(event.subscriptionId().value()))
            .param("webhook", uuid(event.webhookId()))
            .param("kind", event.target().kind().name())
            .param("target", event.target().id())
            .param("name", event.target().name())
            .param("options", json.writeValueAsString(event.options()))
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(SubscriptionOptionsChanged event) {
        writes.sql("UPDATE webhook_subscription_view SET options = :options WHERE subscription_id = :id")
            .param("id", UUID.fromString(event.subscriptionId().value()))
            .param("options", json.writeValueAsString(event.options()))
            .update();
    }

    @EventHandler
    void on(WebhookUnsubscribed event) {
        writes.sql("DELETE FROM webhook_subscription_view WHERE subscription_id = :id")
            .param("id", UUID.fromString(event.subscriptionId().value()))
            .update();
    }

    @EventHandler
    void on(WebhookDeleted event) {
        writes.sql("DELETE FROM webhook_view WHERE webhook_id = :id").param("id", uuid(event.webhookId())).update();
    }

    @ResetHandler
    void clear() {
        writes.sql("DELETE FROM webhook_subscription_view").update();
        writes.sql("DELETE FROM webhook_view").update();
    }

    @QueryHandler
    List<WebhookView> handle(FindWebhooksOf query) {
        return jdbc.sql("SELECT * FROM webhook_view WHERE owner_id = :owner ORDER BY name, created_at")
                   .param("owner", query.owner().value())
                   .query(this::toView).list();
    }

    @QueryHandler
    Optional<WebhookView> handle(FindWebhook query) {
        return find(query.webhookId());
    }

    @QueryHandler
    List<WatchTarget> handle(FindWatchTargets query) {
        // Subscribed channels are watched too: their live streams frame the dashboard's stream statistics.
        return jdbc.sql("""
                    SELECT target_kind, target_id, min(target_name) AS target_name FROM (
                        SELECT target_kind, target_id, target_name FROM webhook_subscription_view
                        UNION ALL
                        SELECT 'STREAMER', channel_id, display_name FROM channel_view WHERE subscribers > 0
                    ) targets
                    GROUP BY target_kind, target_id ORDER BY target_kind, target_id""")
                   .query((row, rowNumber) -> new WatchTarget(WatchTarget.Kind.valueOf(row.getString("target_kind")),
                           row.getString("target_id"), row.getString("target_name")))
                   .list();
    }

    @QueryHandler
    List<WatchingSubscription> handle(FindSubscriptionsWatching query) {
        return jdbc.sql("""
                    SELECT s.*, w.disabled_reason FROM webhook_subscription_view s
                    JOIN webhook_view w ON w.webhook_id = s.webhook_id
                    WHERE (s.target_kind = 'STREAMER' AND s.target_id = :broadcaster)
                       OR (s.target_kind = 'GAME' AND s.target_id = :game)
                    ORDER BY s.created_at""")
                   .param("broadcaster", query.broadcasterId())
                   .param("game", query.gameId() == null ? "" : query.gameId())
                   .query((row, rowNumber) -> new WatchingSubscription(new WebhookId(row.getString("webhook_id")),
                           new WebhookSubscriptionId(row.getString("subscription_id")),
                           new WatchTarget(WatchTarget.Kind.valueOf(row.getString("target_kind")),
                                   row.getString("target_id"), row.getString("target_name")),
                           json.readValue(row.getString("options"), NotificationOptions.class),
                           row.getString("disabled_reason"), row.getTimestamp("created_at").toInstant()))
                   .list();
    }


    private Optional<WebhookView> find(WebhookId id) {
        return jdbc.sql("SELECT * FROM webhook_view WHERE webhook_id = :id").param("id", uuid(id))
                   .query(this::toView).optional();
    }

    private WebhookView toView(ResultSet row, int rowNumber) throws SQLException {
        WebhookId id = new WebhookId(row.getString("webhook_id"));
        return new WebhookView(id, new AccountId(row.getString("owner_id")), row.getString("name"),
                row.getString("masked_url"), new SecretId(row.getString("url_id")), row.getString("disabled_reason"),
                subscriptions(id), row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }

    private List<WebhookView.Subscription> subscriptions(WebhookId id) {
        return jdbc.sql("SELECT * FROM webhook_subscription_view WHERE webhook_id = :id ORDER BY created_at")
                   .param("id", uuid(id))
                   .query((row, rowNumber) -> new WebhookView.Subscription(
                           new WebhookSubscriptionId(row.getString("subscription_id")),
                           new WatchTarget(WatchTarget.Kind.valueOf(row.getString("target_kind")),
                                   row.getString("target_id"), row.getString("target_name")),
                           json.readValue(row.getString("options"), NotificationOptions.class),
                           row.getTimestamp("created_at").toInstant()))
                   .list();
    }

    private static UUID uuid(WebhookId id) {
        return UUID.fromString(id.value());
    }
}
