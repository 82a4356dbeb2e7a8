package dev.stagehand.api.notification;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param status        Discord's HTTP status, or 0 when it did not answer
 * @param nextAttemptAt when the next attempt is due, or null when there is none: the notification is abandoned
 */
public record RecordNotificationDeliveryFailed(@TargetAggregateIdentifier NotificationId notificationId, int attempt,
                                               int status, String reason, long tookMillis, Instant nextAttemptAt) {
}
