package dev.stagehand.api.channel;

import dev.stagehand.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An account subscribes a channel, as Helix describes it; the first subscriber makes Stagehand join its chat. */
public record SubscribeChannel(@TargetAggregateIdentifier ChannelId channelId, String login, String displayName,
                               AccountId subscriber) {
}
