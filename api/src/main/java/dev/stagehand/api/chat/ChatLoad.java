package dev.stagehand.api.chat;

import java.util.List;

/**
 * How Stagehand's chat reading is spread.
 *
 * @param channelsPerConnection how many channels each open connection reads now
 * @param capacity              at most this many per connection
 * @param linesWaiting          lines read from Twitch and not yet handed to Kafka: above a few, this node cannot keep
 *                              up with its chats
 */
public record ChatLoad(List<Integer> channelsPerConnection, int capacity, int linesWaiting) {
}
