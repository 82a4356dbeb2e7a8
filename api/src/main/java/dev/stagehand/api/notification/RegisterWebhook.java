package dev.stagehand.api.notification;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.SecretId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param url       the stored secret holding the webhook's URL (its token is a credential)
 * @param maskedUrl the URL with its token hidden, safe to show and to keep in events
 */
public record RegisterWebhook(@TargetAggregateIdentifier WebhookId webhookId, AccountId owner, String name,
                              SecretId url, String maskedUrl) {
}
