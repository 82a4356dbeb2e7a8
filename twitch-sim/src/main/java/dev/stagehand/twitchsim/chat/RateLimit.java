package dev.stagehand.twitchsim.chat;

import java.time.Duration;
import java.util.ArrayDeque;

/** At most {@code limit} actions in any sliding {@code window}, as Twitch counts chat messages and joins. */
final class RateLimit {

    private final int limit;
    private final long windowNanos;
    private final ArrayDeque<Long> recent = new ArrayDeque<>();

    RateLimit(int limit, Duration window) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /** Counts one action and returns true, or returns false (counting nothing) when the window is full. */
    synchronized boolean tryAcquire(int limitNow) {
        long now = System.nanoTime();
        while (!recent.isEmpty() && now - recent.peekFirst() >= windowNanos) {
            recent.pollFirst();
        }
        if (recent.size() >= Math.max(limit, limitNow)) {
            return false;
        }
        recent.addLast(now);
        return true;
    }

    boolean tryAcquire() {
        return tryAcquire(limit);
    }
}
