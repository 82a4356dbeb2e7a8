package dev.stagehand.api.notification;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.SecretId;
import org.axonframework.serialization.Revision;

/** @param url the secret of the webhook's URL, to be erased */
@Revision("1")
public record WebhookDeleted(WebhookId webhookId, AccountId owner, SecretId url) {
}
