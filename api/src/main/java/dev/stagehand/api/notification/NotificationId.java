package dev.stagehand.api.notification;

import java.util.Objects;

/**
 * Identifies one announcement: one stream (or one game change of it) to one webhook subscription. Derived from them,
 * so that seeing the same stream twice can never announce it twice.
 */
public record NotificationId(String value) {

    public NotificationId {
        Objects.requireNonNull(value, "value");
    }

    public static NotificationId of(String streamId, WebhookSubscriptionId subscription, NotificationReason reason,
                                    String gameId) {
        return new NotificationId(streamId + "-" + subscription.value()
                + (reason == NotificationReason.GAME_CHANGED ? "-game-" + gameId : ""));
    }

    @Override
    public String toString() {
        return value;
    }
}
