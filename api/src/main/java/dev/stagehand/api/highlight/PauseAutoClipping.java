package dev.stagehand.api.highlight;

import dev.stagehand.api.channel.ChannelId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Twitch refused every auto-clipper's clip of the channel (clips are off there, or they are banned): stop asking. */
public record PauseAutoClipping(@TargetAggregateIdentifier ChannelId channelId, String reason) {
}
