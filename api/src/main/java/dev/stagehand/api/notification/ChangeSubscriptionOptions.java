package dev.stagehand.api.notification;

import dev.stagehand.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner changes how a subscription announces (message, pings, filters, the end of the stream), in place. */
public record ChangeSubscriptionOptions(@TargetAggregateIdentifier WebhookId webhookId, AccountId owner,
                                        WebhookSubscriptionId subscriptionId, NotificationOptions options) {
}
