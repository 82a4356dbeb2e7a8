package dev.stagehand.api.notification;

import org.axonframework.serialization.Revision;

/** No more attempts: the owner can fix the webhook and redrive it. */
@Revision("1")
public record NotificationAbandoned(NotificationId notificationId, WebhookId webhookId, int attempts, String reason) {
}
