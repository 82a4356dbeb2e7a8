package dev.stagehand.api.channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The chat connection reports that Twitch refused or never confirmed the join. */
public record RecordChannelJoinFailed(@TargetAggregateIdentifier ChannelId channelId, String reason) {
}
