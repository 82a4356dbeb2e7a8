package dev.stagehand.sagas.notification;

import dev.stagehand.api.notification.WebhookId;
import java.util.Optional;

/** Where a webhook posts now, read at each attempt, since its owner may have changed or deleted it meanwhile. */
public interface WebhookTargets {

    /** @param disabledReason why Stagehand stopped posting to it, or null */
    record Target(String url, String disabledReason) {
    }

    /** Empty once the webhook is deleted. */
    Optional<Target> find(WebhookId webhookId);
}
