package dev.stagehand.api.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Try an abandoned notification again, after its owner fixed the webhook; {@code webhookId} must be its webhook's. */
public record RedriveNotification(@TargetAggregateIdentifier NotificationId notificationId, WebhookId webhookId) {
}
