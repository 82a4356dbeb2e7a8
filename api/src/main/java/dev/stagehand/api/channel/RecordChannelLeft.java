package dev.stagehand.api.channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordChannelLeft(@TargetAggregateIdentifier ChannelId channelId) {
}
