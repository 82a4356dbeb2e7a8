package dev.stagehand.api.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops deliveries to a webhook Discord no longer knows; sent by Stagehand itself, not by its owner. */
public record DisableWebhook(@TargetAggregateIdentifier WebhookId webhookId, String reason) {
}
