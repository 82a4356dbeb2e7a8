package dev.stagehand.api.channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The chat connection reports that Twitch confirmed the join. */
public record RecordChannelJoined(@TargetAggregateIdentifier ChannelId channelId) {
}
