package dev.stagehand.api.notification;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.SecretId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Renames the webhook and, when {@code url} is not null, points it at another Discord webhook (which re-enables it). */
public record UpdateWebhook(@TargetAggregateIdentifier WebhookId webhookId, AccountId owner, String name,
                            SecretId url, String maskedUrl) {
}
