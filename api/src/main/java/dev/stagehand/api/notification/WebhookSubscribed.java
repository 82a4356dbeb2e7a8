package dev.stagehand.api.notification;

import org.axonframework.serialization.Revision;

@Revision("1")
public record WebhookSubscribed(WebhookId webhookId, WebhookSubscriptionId subscriptionId, WatchTarget target,
                                NotificationOptions options) {
}
