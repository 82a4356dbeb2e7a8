package dev.stagehand.api.notification;

import org.axonframework.serialization.Revision;

/** From now on the subscription announces with these options; what it follows stays. */
@Revision("1")
public record SubscriptionOptionsChanged(WebhookId webhookId, WebhookSubscriptionId subscriptionId,
                                         NotificationOptions options) {
}
