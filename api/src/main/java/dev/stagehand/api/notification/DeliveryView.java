package dev.stagehand.api.notification;

import java.time.Instant;
import java.util.List;

/**
 * One notification in a webhook's delivery log, with every attempt.
 *
 * @param state  DISPATCHED (first attempt due), RETRYING, DELIVERED, ABANDONED or SKIPPED
 * @param why    why it was skipped or abandoned; null otherwise
 * @param ended  what became of the message when the stream ended; null until then
 */
public record DeliveryView(NotificationId notificationId, WebhookId webhookId, WebhookSubscriptionId subscriptionId,
                           String broadcasterId, String streamer, String title, String game,
                           NotificationReason reason, String state, String why, String messageId,
                           String ended, List<Attempt> attempts, Instant createdAt, Instant updatedAt) {

    /** @param status Discord's HTTP status, 0 when it did not answer */
    public record Attempt(int attempt, int status, String outcome, long tookMillis, Instant at,
                          Instant nextAttemptAt) {
    }
}
