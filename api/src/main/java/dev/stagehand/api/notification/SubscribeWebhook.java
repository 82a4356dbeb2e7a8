package dev.stagehand.api.notification;

import dev.stagehand.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SubscribeWebhook(@TargetAggregateIdentifier WebhookId webhookId, AccountId owner,
                               WebhookSubscriptionId subscriptionId, WatchTarget target,
                               NotificationOptions options) {
}
