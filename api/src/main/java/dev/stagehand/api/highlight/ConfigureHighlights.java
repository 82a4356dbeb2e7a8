package dev.stagehand.api.highlight;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The broadcaster chooses how their chat's spikes are found, whether others may auto-clip the channel on this
 * deployment, and whether its clips join the public highlight feed.
 *
 * @param rule          the channel's own spike rule; {@code null} for the deployment's default
 * @param othersMayClip whether subscribers other than the broadcaster may have its spikes clipped with their tokens
 * @param publicClips   whether the channel's clips are in the public highlight feed ({@code GET /v1.0/clip})
 * @param publicStats   whether anyone may read the channel's chat statistics, without a login
 */
public record ConfigureHighlights(@TargetAggregateIdentifier ChannelId channelId, AccountId broadcaster,
                                  SpikeRule rule, boolean othersMayClip, boolean publicClips,
                                  boolean publicStats) {
}
