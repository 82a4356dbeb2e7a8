package dev.stagehand.api.notification;

/** @param disabledReason why the webhook is disabled, or null */
public record WatchingSubscription(WebhookId webhookId, WebhookSubscriptionId subscriptionId, WatchTarget target,
                                   NotificationOptions options, String disabledReason) {
}
