package dev.stagehand.api.highlight;

/** Answered with an {@code Optional<TopStreamsWatchView>}: the watch, while it runs. */
public record FindTopStreamsWatch() {
}
