package dev.stagehand.api.highlight;

/** Answered with an {@code Optional<DetectorWarmUp>}: the channel's latest, empty while no message was heard. */
public record FindDetectorWarmUp(String channelId) {
}
