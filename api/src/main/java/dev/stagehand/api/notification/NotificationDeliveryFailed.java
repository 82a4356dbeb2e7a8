package dev.stagehand.api.notification;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** @param nextAttemptAt null when no attempt follows */
@Revision("1")
public record NotificationDeliveryFailed(NotificationId notificationId, WebhookId webhookId, int attempt, int status,
                                         String reason, long tookMillis, Instant nextAttemptAt) {
}
