package dev.stagehand.api.channel;

import dev.stagehand.api.account.AccountId;
import org.axonframework.serialization.Revision;

/** @param subscribers how many accounts subscribe the channel now, this one included */
@Revision("1")
public record ChannelSubscribed(ChannelId channelId, String login, String displayName, AccountId subscriber,
                                int subscribers) {
}
