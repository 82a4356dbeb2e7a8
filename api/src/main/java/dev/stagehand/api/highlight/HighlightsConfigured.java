package dev.stagehand.api.highlight;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import org.axonframework.serialization.Revision;

/** @param rule the channel's own spike rule; {@code null} for the deployment's default */
@Revision("1")
public record HighlightsConfigured(ChannelId channelId, AccountId broadcaster, boolean autoClip, SpikeRule rule) {
}
