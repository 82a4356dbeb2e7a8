package dev.stagehand.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WebSockets a node serves (overlays and chat rooms).
 *
 * @param maxConnections how many may be open on this node at once; 0 derives it from the file-descriptor limit,
 *                       leaving a fifth of it (at least 1,024) for Kafka, PostgreSQL, Twitch and HTTP
 */
@ConfigurationProperties("stagehand.websockets")
public record WebSocketProperties(@DefaultValue("0") int maxConnections) {

    /** At least this many descriptors are left to everything but WebSockets. */
    static final long HEADROOM = 1024;

    /** The cap on this node, for a process that may open {@code descriptors} files (-1: unknown). */
    int cap(long descriptors) {
        if (maxConnections > 0) {
            return maxConnections;
        }
        if (descriptors < 0) {
            return 10_000;
        }
        long left = descriptors - Math.max(HEADROOM, descriptors / 5);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(descriptors / 2, left));
    }
}
