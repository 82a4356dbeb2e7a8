package dev.stagehand.api.highlight;

import java.time.Instant;
import java.util.List;

/**
 * What a spike rule would have found in a stretch of a channel's stored chat.
 *
 * @param messages the chat messages it read (commands and baseline lead-in included)
 * @param spikes   the spikes it found, oldest first: the clips it would have asked for
 */
public record SpikeBacktest(String channelId, SpikeRule rule, Instant from, Instant to, long messages,
                            List<ChatSpike> spikes) {
}
