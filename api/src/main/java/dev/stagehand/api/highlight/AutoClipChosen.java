package dev.stagehand.api.highlight;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import org.axonframework.serialization.Revision;

/** A subscriber's spikes-to-clips choice for a channel; clips are made with the token of {@code twitchUserId}. */
@Revision("1")
public record AutoClipChosen(ChannelId channelId, AccountId subscriber, String twitchUserId, boolean on) {
}
