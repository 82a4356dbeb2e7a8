package dev.stagehand.api.highlight;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The broadcaster chooses how their chat's spikes are found and whether each one becomes a Twitch clip.
 *
 * @param rule the channel's own spike rule; {@code null} for the deployment's default
 */
public record ConfigureHighlights(@TargetAggregateIdentifier ChannelId channelId, AccountId broadcaster,
                                  boolean autoClip, SpikeRule rule) {
}
