package dev.stagehand.api.channel;

import dev.stagehand.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnsubscribeChannel(@TargetAggregateIdentifier ChannelId channelId, AccountId subscriber) {
}
