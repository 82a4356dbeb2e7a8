package dev.stagehand.api.notification;

/**
 * Answered with a {@code List<WatchTarget>}: every streamer and game some webhook is subscribed to, and every channel
 * some account subscribes, once each: the streams Stagehand watches.
 */
public record FindWatchTargets() {
}
