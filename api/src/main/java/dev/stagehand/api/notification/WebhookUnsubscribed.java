package dev.stagehand.api.notification;

import org.axonframework.serialization.Revision;

@Revision("1")
public record WebhookUnsubscribed(WebhookId webhookId, WebhookSubscriptionId subscriptionId) {
}
