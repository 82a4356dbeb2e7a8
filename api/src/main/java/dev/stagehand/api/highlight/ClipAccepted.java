package dev.stagehand.api.highlight;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ClipAccepted(ClipId clipId, String channelId, int attempt, String twitchClipId, String editUrl) {
}
