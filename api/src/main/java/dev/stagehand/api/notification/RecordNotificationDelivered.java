package dev.stagehand.api.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param messageId Discord's id of the message, for editing or deleting it when the stream ends */
public record RecordNotificationDelivered(@TargetAggregateIdentifier NotificationId notificationId, int attempt,
                                          String messageId, long tookMillis) {
}
