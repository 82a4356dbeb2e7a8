package dev.stagehand.api.highlight;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AutoClippingResumed(ChannelId channelId, AccountId subscriber) {
}
