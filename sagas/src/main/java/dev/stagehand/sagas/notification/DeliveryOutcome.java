package dev.stagehand.sagas.notification;

import java.time.Duration;

/**
 * What Discord answered one delivery.
 *
 * @param status     the HTTP status, or 0 when Discord could not be reached
 * @param messageId  the posted message's id (on success)
 * @param retryAfter how long Discord asks to wait (on 429)
 * @param reason     Discord's message, or what went wrong
 */
public record DeliveryOutcome(int status, String messageId, Duration retryAfter, String reason, long tookMillis) {

    public boolean delivered() {
        return status >= 200 && status < 300;
    }

    boolean rateLimited() {
        return status == 429;
    }

    /** Discord says the webhook no longer exists. */
    boolean gone() {
        return status == 404 || status == 401;
    }

    /** Worth trying again: Discord or the network failed, not the request. */
    boolean transientFailure() {
        return status == 0 || status == 408 || status >= 500;
    }
}
