package dev.stagehand.api.overlay;

import dev.stagehand.api.common.SecretId;
import org.axonframework.serialization.Revision;

/** The old URL stops working at once; {@code previousToken} is the secret to forget. */
@Revision("1")
public record OverlayTokenRotated(OverlayId overlayId, SecretId token, String tokenHash, SecretId previousToken) {
}
