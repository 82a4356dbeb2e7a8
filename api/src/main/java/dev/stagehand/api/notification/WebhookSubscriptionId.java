package dev.stagehand.api.notification;

import java.util.Objects;
import java.util.UUID;

/** Identifies one subscription of a webhook: to a streamer or to a game. */
public record WebhookSubscriptionId(String value) {

    public WebhookSubscriptionId {
        Objects.requireNonNull(value, "value");
        UUID.fromString(value);
    }

    public static WebhookSubscriptionId random() {
        return new WebhookSubscriptionId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
