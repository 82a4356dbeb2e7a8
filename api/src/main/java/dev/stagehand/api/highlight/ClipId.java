package dev.stagehand.api.highlight;

import java.util.Objects;

/**
 * Identifies one clip Stagehand asked Twitch for. Derived from the spike that asked, so that a spike seen twice (Kafka
 * delivers at least once) asks once.
 */
public record ClipId(String value) {

    public ClipId {
        Objects.requireNonNull(value, "value");
    }

    public static ClipId of(ChatSpike spike) {
        return new ClipId("clip-" + spike.channelId() + "-" + spike.windowStart().getEpochSecond());
    }

    @Override
    public String toString() {
        return value;
    }
}
