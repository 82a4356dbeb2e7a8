package dev.stagehand.api.highlight;

import org.axonframework.serialization.Revision;

/** The clip exists on Twitch; {@code spike} is why it was made. */
@Revision("1")
public record ClipCreated(ClipId clipId, String channelId, TwitchClip clip, ChatSpike spike) {
}
