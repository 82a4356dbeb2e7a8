package dev.stagehand.api.notification;

import dev.stagehand.api.common.SecretId;
import org.axonframework.serialization.Revision;

/** @param previousUrl the secret of the URL this one replaced, to be erased; null when the URL did not change */
@Revision("1")
public record WebhookUpdated(WebhookId webhookId, String name, SecretId url, String maskedUrl, SecretId previousUrl) {
}
