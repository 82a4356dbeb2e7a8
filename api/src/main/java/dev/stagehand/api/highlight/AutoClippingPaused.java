package dev.stagehand.api.highlight;

import dev.stagehand.api.channel.ChannelId;
import org.axonframework.serialization.Revision;

/** The channel's spikes are no longer clipped, for this reason Twitch gave, until a subscriber resumes it. */
@Revision("1")
public record AutoClippingPaused(ChannelId channelId, String reason) {
}
