package dev.stagehand.live.chatroom;

import java.time.Duration;

/**
 * How long a room tick lasts on this node: the configured tick while few clients are connected, longer as more join,
 * so that the node sends at most {@code framesPerSecond} frames a second to room clients in all; never longer than
 * {@value #LONGEST_MILLIS} ms. The same readable share of messages goes out per second either way (fuller frames,
 * fewer of them): what a frame costs, in system calls and wake-ups on both ends, is paid per frame, not per message.
 */
final class TickPace {

    static final long LONGEST_MILLIS = 1000;

    private final Duration shortest;
    private final int framesPerSecond;
    private long lastTick;

    TickPace(Duration shortest, int framesPerSecond) {
        this.shortest = shortest;
        this.framesPerSecond = framesPerSecond;
    }

    /** The tick's length with {@code clients} connected to this node's rooms. */
    Duration length(int clients) {
        long nanos = clients * 1_000_000_000L / framesPerSecond;
        return Duration.ofNanos(Math.min(Duration.ofMillis(LONGEST_MILLIS).toNanos(),
                Math.max(shortest.toNanos(), nanos)));
    }

    /**
     * Whether a tick of {@code length} is due at {@code nanoTime}, checked once per shortest tick (half of one is
     * allowed for the checker's jitter); when it is, the next is counted from now.
     */
    boolean due(Duration length, long nanoTime) {
        if (lastTick != 0 && nanoTime - lastTick < length.toNanos() - shortest.toNanos() / 2) {
            return false;
        }
        lastTick = nanoTime;
        return true;
    }
}
