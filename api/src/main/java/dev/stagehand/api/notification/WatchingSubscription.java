package dev.stagehand.api.notification;

import java.time.Instant;

/**
 * @param disabledReason why the webhook is disabled, or null
 * @param createdAt      when the subscription was made: streams already running then are not announced
 */
public record WatchingSubscription(WebhookId webhookId, WebhookSubscriptionId subscriptionId, WatchTarget target,
                                   NotificationOptions options, String disabledReason, Instant createdAt) {
}
