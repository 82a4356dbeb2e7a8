package dev.stagehand.api.notification;

import dev.stagehand.api.stream.StreamInfo;
import org.axonframework.serialization.Revision;

@Revision("1")
public record NotificationSkipped(NotificationId notificationId, WebhookId webhookId,
                                  WebhookSubscriptionId subscriptionId, String broadcasterId, StreamInfo stream,
                                  NotificationReason reason, String why) {
}
