package dev.stagehand.api.overlay;

import dev.stagehand.api.common.SecretId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OverlayDeleted(OverlayId overlayId, SecretId token) {
}
