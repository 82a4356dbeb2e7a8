package dev.stagehand.gateway.overlay;

import dev.stagehand.api.overlay.OverlaySettings;
import dev.stagehand.api.overlay.OverlayView;
import java.time.Instant;

/** @param url the secret browser-source URL for OBS: anyone with it sees the overlay */
record OverlayResponse(String id, String name, String channelId, OverlaySettings settings, int version, String url,
                       Instant createdAt, Instant updatedAt) {

    static OverlayResponse of(OverlayView view, String url) {
        return new OverlayResponse(view.overlayId().value(), view.name(), view.channelId().value(), view.settings(),
                view.version(), url, view.createdAt(), view.updatedAt());
    }
}
