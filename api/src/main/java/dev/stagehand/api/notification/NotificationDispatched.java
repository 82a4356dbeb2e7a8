package dev.stagehand.api.notification;

import dev.stagehand.api.stream.StreamInfo;
import org.axonframework.serialization.Revision;

@Revision("1")
public record NotificationDispatched(NotificationId notificationId, WebhookId webhookId,
                                     WebhookSubscriptionId subscriptionId, String broadcasterId, StreamInfo stream,
                                     NotificationOptions options, NotificationReason reason) {
}
