package dev.stagehand.api.notification;

/** Answered with a {@code List<DeliveryView>}: a webhook's notifications, newest first, at most {@code limit}. */
public record FindDeliveries(WebhookId webhookId, int limit) {
}
