package dev.stagehand.api.overlay;

/** Answered with an {@code Optional<OverlayView>}; updates follow every change, deletion included. */
public record FindOverlay(OverlayId overlayId) {
}
