package dev.stagehand.sagas.channel;

import java.util.List;

/**
 * How Stagehand's chat reading is spread.
 *
 * @param channelsPerConnection how many channels each open connection reads now
 * @param capacity              at most this many per connection
 */
public record ChatLoad(List<Integer> channelsPerConnection, int capacity) {
}
