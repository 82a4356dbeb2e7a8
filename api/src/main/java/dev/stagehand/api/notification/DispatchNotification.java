package dev.stagehand.api.notification;

import dev.stagehand.api.stream.StreamInfo;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Announce this stream through this subscription, once; the options are those in force now. */
public record DispatchNotification(@TargetAggregateIdentifier NotificationId notificationId, WebhookId webhookId,
                                   WebhookSubscriptionId subscriptionId, String broadcasterId, StreamInfo stream,
                                   NotificationOptions options, NotificationReason reason) {
}
