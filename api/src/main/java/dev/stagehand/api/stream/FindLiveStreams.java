package dev.stagehand.api.stream;

/** Answered with a {@code List<StreamView>}: every stream Stagehand last saw live. */
public record FindLiveStreams() {
}
