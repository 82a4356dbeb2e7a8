package dev.stagehand.api.notification;

/** Answered with an {@code Optional<WebhookView>}. */
public record FindWebhook(WebhookId webhookId) {
}
