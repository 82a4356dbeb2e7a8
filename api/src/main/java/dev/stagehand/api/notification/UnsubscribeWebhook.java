package dev.stagehand.api.notification;

import dev.stagehand.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnsubscribeWebhook(@TargetAggregateIdentifier WebhookId webhookId, AccountId owner,
                                 WebhookSubscriptionId subscriptionId) {
}
