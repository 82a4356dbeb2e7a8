package dev.stagehand.api.highlight;

/** Answered with the channel's {@link HighlightSettings} (the defaults for a channel never configured). */
public record FindHighlightSettings(String channelId) {
}
