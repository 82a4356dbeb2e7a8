package dev.stagehand.api.overlay;

import org.axonframework.serialization.Revision;

/** @param version the overlay's settings version, 1 at creation: every version stays in the event store */
@Revision("1")
public record OverlayUpdated(OverlayId overlayId, String name, OverlaySettings settings, int version) {
}
