package dev.stagehand.api.notification;

import dev.stagehand.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteWebhook(@TargetAggregateIdentifier WebhookId webhookId, AccountId owner) {
}
