package dev.stagehand.api.notification;

import org.axonframework.serialization.Revision;

@Revision("1")
public record NotificationDelivered(NotificationId notificationId, WebhookId webhookId, int attempt,
                                    String messageId, long tookMillis) {
}
