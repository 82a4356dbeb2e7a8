package dev.stagehand.api.notification;

import org.axonframework.serialization.Revision;

@Revision("1")
public record WebhookDisabled(WebhookId webhookId, String reason) {
}
