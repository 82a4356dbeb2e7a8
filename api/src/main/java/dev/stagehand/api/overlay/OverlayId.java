package dev.stagehand.api.overlay;

import java.util.Objects;
import java.util.UUID;

public record OverlayId(String value) {

    public OverlayId {
        Objects.requireNonNull(value, "value");
        UUID.fromString(value);
    }

    public static OverlayId random() {
        return new OverlayId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
