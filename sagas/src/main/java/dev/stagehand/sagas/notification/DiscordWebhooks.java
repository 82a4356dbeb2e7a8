package dev.stagehand.sagas.notification;

import java.util.Map;

/** Posts messages through Discord webhooks. */
public interface DiscordWebhooks {

    /** Executes the webhook at {@code url} with {@code message} (Discord's JSON shape), waiting for the message. */
    DeliveryOutcome post(String url, Map<String, Object> message);

    /** Edits a message the webhook posted. */
    DeliveryOutcome edit(String url, String messageId, Map<String, Object> message);

    /** Deletes a message the webhook posted. */
    DeliveryOutcome delete(String url, String messageId);
}
