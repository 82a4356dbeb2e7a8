package dev.stagehand.sagas.chatroom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Leaves a failing model alone: after {@code failures} failed requests in a row it opens for {@code openFor}; then one
 * trial request may go, and its outcome closes the breaker or opens it again.
 */
final class CircuitBreaker {

    private final int failures;
    private final Duration openFor;
    private final Clock clock;
    private int failedInARow;
    private Instant openUntil = Instant.MIN;
    private boolean trialUnderWay;

    CircuitBreaker(int failures, Duration openFor, Clock clock) {
        this.failures = failures;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a request may go now. */
    synchronized boolean allow() {
        if (failedInARow < failures) {
            return true;
        }
        if (clock.instant().isBefore(openUntil) || trialUnderWay) {
            return false;
        }
        trialUnderWay = true;
        return true;
    }

    synchronized void succeeded() {
        failedInARow = 0;
        trialUnderWay = false;
    }

    /** The request {@link #allow()} let go was not sent after all (a trial must not keep the breaker waiting). */
    synchronized void notTried() {
        trialUnderWay = false;
    }

    synchronized void failed() {
        failedInARow++;
        trialUnderWay = false;
        if (failedInARow >= failures) {
            openUntil = clock.instant().plus(openFor);
        }
    }

    synchronized Instant openUntil() {
        return failedInARow >= failures ? openUntil : null;
    }
}
