package dev.stagehand.api.notification;

import org.axonframework.serialization.Revision;

@Revision("1")
public record NotificationEnded(NotificationId notificationId, WebhookId webhookId,
                                NotificationOptions.WhenOffline action, int status, String outcome) {
}
