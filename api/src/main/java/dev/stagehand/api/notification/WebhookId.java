package dev.stagehand.api.notification;

import java.util.Objects;
import java.util.UUID;

/** Identifies one Discord webhook registered with Stagehand. */
public record WebhookId(String value) {

    public WebhookId {
        Objects.requireNonNull(value, "value");
        UUID.fromString(value);
    }

    public static WebhookId random() {
        return new WebhookId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
