package dev.stagehand.api.overlay;

/** Answered with a {@code List<OverlayVersion>}, newest first. */
public record FindOverlayVersions(OverlayId overlayId) {
}
