package dev.stagehand.api.notification;

import dev.stagehand.api.stream.StreamInfo;
import org.axonframework.serialization.Revision;

/** @param attempts the attempts made so far; the next is one more */
@Revision("1")
public record NotificationRedriven(NotificationId notificationId, WebhookId webhookId, String broadcasterId,
                                   StreamInfo stream, NotificationOptions options, NotificationReason reason,
                                   int attempts) {
}
