package dev.stagehand.api.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The announced stream ended and its message was edited or deleted, as the subscription chose.
 *
 * @param status  Discord's HTTP status for the edit or deletion, 0 when it did not answer
 * @param outcome what happened, for the delivery log
 */
public record RecordNotificationEnded(@TargetAggregateIdentifier NotificationId notificationId,
                                      NotificationOptions.WhenOffline action, int status, String outcome) {
}
