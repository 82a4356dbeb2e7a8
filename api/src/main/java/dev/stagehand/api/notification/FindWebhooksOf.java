package dev.stagehand.api.notification;

import dev.stagehand.api.account.AccountId;

/** Answered with a {@code List<WebhookView>}. */
public record FindWebhooksOf(AccountId owner) {
}
