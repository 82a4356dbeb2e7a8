package dev.stagehand.api.highlight;

/**
 * A channel's highlight settings as they apply now.
 *
 * @param rule   the rule its spikes are found with: its own, or the deployment's default
 * @param custom whether the rule is the channel's own
 */
public record HighlightSettings(String channelId, boolean autoClip, SpikeRule rule, boolean custom) {
}
