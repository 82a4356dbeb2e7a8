package dev.stagehand.api.stream;

import java.time.Instant;

/** A stream Stagehand saw live, and when it last changed. */
public record StreamView(String broadcasterId, StreamInfo info, Instant updatedAt) {
}
