package dev.stagehand.api.highlight;

import org.axonframework.serialization.Revision;

/** No clip of this spike: why, in words for the broadcaster. */
@Revision("1")
public record ClipCreationFailed(ClipId clipId, String channelId, String reason, ChatSpike spike) {
}
