package dev.stagehand.api.notification;

/** Answered with a {@code List<WatchTarget>}: every streamer and game some webhook is subscribed to, once each. */
public record FindWatchTargets() {
}
