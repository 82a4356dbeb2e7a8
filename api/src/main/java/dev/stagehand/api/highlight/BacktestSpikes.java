package dev.stagehand.api.highlight;

import java.time.Instant;

/**
 * Answered with a {@link SpikeBacktest}: the spikes {@code rule} would have found in the channel's stored chat in
 * [from, to). The chat just before {@code from} makes the first baseline.
 */
public record BacktestSpikes(String channelId, Instant from, Instant to, SpikeRule rule) {
}
