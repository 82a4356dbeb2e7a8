package dev.stagehand.api.notification;

import dev.stagehand.api.stream.StreamInfo;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** This stream is not announced through this subscription, for the reason given (a filter, a disabled webhook). */
public record SkipNotification(@TargetAggregateIdentifier NotificationId notificationId, WebhookId webhookId,
                               WebhookSubscriptionId subscriptionId, String broadcasterId, StreamInfo stream,
                               NotificationReason reason, String why) {
}
