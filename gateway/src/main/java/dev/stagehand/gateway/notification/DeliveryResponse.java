package dev.stagehand.gateway.notification;

import dev.stagehand.api.notification.DeliveryView;
import dev.stagehand.api.notification.NotificationReason;
import java.time.Instant;
import java.util.List;

/**
 * One entry of a webhook's delivery log, as its owner sees it.
 *
 * @param cursor where the log goes on from this entry: {@code ?before=} it for the page after
 */
record DeliveryResponse(String id, String subscriptionId, String broadcasterId, String streamer, String title,
                        String game, NotificationReason reason, String state, String why, String messageId,
                        String ended, List<DeliveryView.Attempt> attempts, Instant createdAt, Instant updatedAt,
                        String cursor) {

    static DeliveryResponse of(DeliveryView view) {
        return new DeliveryResponse(view.notificationId().value(), view.subscriptionId().value(),
                view.broadcasterId(), view.streamer(), view.title(), view.game(), view.reason(), view.state(),
                view.why(), view.messageId(), view.ended(), view.attempts(), view.createdAt(), view.updatedAt(),
                DeliveryCursor.of(view));
    }
}
