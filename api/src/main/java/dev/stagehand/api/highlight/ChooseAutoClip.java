package dev.stagehand.api.highlight;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A subscriber turns auto-clipping of a channel on or off: its spikes become Twitch clips made with the subscriber's
 * own Twitch token.
 *
 * @param twitchUserId the Twitch account of the subscriber, whose token makes the clips
 */
public record ChooseAutoClip(@TargetAggregateIdentifier ChannelId channelId, AccountId subscriber,
                             String twitchUserId, boolean on) {
}
