package dev.stagehand.api.highlight;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A subscriber has dealt with what made Twitch refuse clips and asks for them again. */
public record ResumeAutoClipping(@TargetAggregateIdentifier ChannelId channelId, AccountId subscriber) {
}
