package dev.stagehand.api.notification;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.SecretId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record WebhookRegistered(WebhookId webhookId, AccountId owner, String name, SecretId url, String maskedUrl) {
}
