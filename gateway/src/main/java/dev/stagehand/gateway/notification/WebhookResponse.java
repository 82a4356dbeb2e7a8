package dev.stagehand.gateway.notification;

import dev.stagehand.api.notification.NotificationOptions;
import dev.stagehand.api.notification.WatchTarget;
import dev.stagehand.api.notification.WebhookView;
import java.time.Instant;
import java.util.List;

/**
 * A webhook as its owner sees it: the URL masked, never in full.
 *
 * @param disabledReason why Stagehand stopped posting to it, or null while it is enabled
 */
record WebhookResponse(String id, String name, String url, String disabledReason,
                       List<SubscriptionResponse> subscriptions, Instant createdAt, Instant updatedAt) {

    /** What one subscription watches and how it announces. */
    record SubscriptionResponse(String id, WatchTarget target, NotificationOptions options, Instant createdAt) {

        static SubscriptionResponse of(WebhookView.Subscription subscription) {
            return new SubscriptionResponse(subscription.subscriptionId().value(), subscription.target(),
                    subscription.options(), subscription.createdAt());
        }
    }

    static WebhookResponse of(WebhookView view) {
        return new WebhookResponse(view.webhookId().value(), view.name(), view.maskedUrl(), view.disabledReason(),
                view.subscriptions().stream().map(SubscriptionResponse::of).toList(), view.createdAt(),
                view.updatedAt());
    }
}
