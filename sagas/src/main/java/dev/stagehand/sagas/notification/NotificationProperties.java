package dev.stagehand.sagas.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxAttempts attempts at delivering one notification before it is abandoned (a 429 counts as one)
 * @param firstRetry  the wait after the first failure; it doubles after each further one, with ±20 % jitter
 * @param maxRetry    the longest wait between two attempts
 */
@ConfigurationProperties("stagehand.notifications")
public record NotificationProperties(@DefaultValue("8") int maxAttempts, @DefaultValue("2s") Duration firstRetry,
                                     @DefaultValue("5m") Duration maxRetry) {

    /** The wait after failed attempt {@code attempt} (1 for the first), before jitter. */
    Duration backoffAfter(int attempt) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(20, attempt - 1));
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
