package dev.stagehand.api.overlay;

import java.time.Instant;

/** One saved look of an overlay. */
public record OverlayVersion(OverlayId overlayId, int version, String name, OverlaySettings settings, Instant savedAt) {
}
