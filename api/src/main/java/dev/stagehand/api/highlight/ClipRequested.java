package dev.stagehand.api.highlight;

import org.axonframework.serialization.Revision;

/** A spike asked for a clip: the clip saga asks Twitch for it. */
@Revision("1")
public record ClipRequested(ClipId clipId, String channelId, ChatSpike spike) {
}
