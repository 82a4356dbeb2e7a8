package dev.stagehand.api.notification;

import java.time.Instant;

/**
 * Answered with a {@code List<DeliveryView>}: the webhook's delivery log, newest first, at most {@code limit}.
 *
 * @param state  only deliveries in this state; {@code null} for all
 * @param before only those older than this entry (its creation time and id: a page further back); {@code null} for
 *               the newest
 */
public record FindDeliveries(WebhookId webhookId, int limit, String state, Before before) {

    public FindDeliveries(WebhookId webhookId, int limit) {
        this(webhookId, limit, null, null);
    }

    /** An entry of the log, as the place to page back from. */
    public record Before(Instant createdAt, String notificationId) {
    }
}
