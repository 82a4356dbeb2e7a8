package dev.stagehand.api.notification;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.SecretId;
import java.time.Instant;
import java.util.List;

/**
 * @param disabledReason why deliveries stopped (Discord deleted the webhook), or null while it is enabled
 */
public record WebhookView(WebhookId webhookId, AccountId owner, String name, String maskedUrl, SecretId url,
                          String disabledReason, List<Subscription> subscriptions, Instant createdAt,
                          Instant updatedAt) {

    public record Subscription(WebhookSubscriptionId subscriptionId, WatchTarget target, NotificationOptions options,
                               Instant createdAt) {
    }
}
