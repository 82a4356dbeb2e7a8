package dev.stagehand.api.channel;

import dev.stagehand.api.account.AccountId;
import org.axonframework.serialization.Revision;

/** @param subscribers how many accounts still subscribe the channel; at 0 Stagehand leaves its chat */
@Revision("1")
public record ChannelUnsubscribed(ChannelId channelId, String login, AccountId subscriber, int subscribers) {
}
