package dev.stagehand.api.analytics;

import dev.stagehand.api.analytics.ChatStats.TopChatter;
import dev.stagehand.api.analytics.ChatStats.TopEmote;
import java.time.Instant;
import java.util.List;

/**
 * A channel's chat over its current stream, summed from its one-minute windows: the minute the stream began counts
 * whole. The tops add up each minute's top ten, so an emote or chatter that was never in a minute's top ten counts
 * less than it was used; the leaders of a stream are always among them.
 */
public record StreamChatStats(String channelId, Instant since, long messageCount, List<TopEmote> topEmotes,
                              List<TopChatter> topChatters) {

    public StreamChatStats {
        topEmotes = List.copyOf(topEmotes);
        topChatters = List.copyOf(topChatters);
    }
}
