package dev.stagehand.gateway.analytics;

import dev.stagehand.api.analytics.ChatStats;
import dev.stagehand.api.analytics.ChatStats.TopChatter;
import dev.stagehand.api.analytics.ChatStats.TopEmote;
import dev.stagehand.api.analytics.StreamChatStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A channel's statistics now, in the shape of the original stats API ({@code channel_id}, {@code message_count},
 * {@code current_window}, {@code last_updated}) with richer figures beside it. The current window is the minute now
 * running: when the channel has been quiet since it began, its counts are zero.
 *
 * @param messagesPerSecond this minute's messages over the seconds of it gone by
 * @param tenMinuteWindow   the ten-minute window now running, the same way
 * @param currentStream     the channel's chat since its stream went live; null while it is offline
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ChannelStatsResponse(String channelId, long messageCount, Window currentWindow, Instant lastUpdated,
                            long uniqueChatters, double messagesPerSecond, List<TopEmote> topEmotes,
                            List<TopChatter> topChatters, WindowCounts tenMinuteWindow, StreamCounts currentStream) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Window(Instant start, Instant end, long durationSeconds) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record WindowCounts(Window window, long messageCount, long uniqueChatters, List<TopEmote> topEmotes,
                        List<TopChatter> topChatters) {
    }

    /** The stream's figures: see {@link StreamChatStats} for how its tops are counted. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StreamCounts(Instant startedAt, long messageCount, List<TopEmote> topEmotes, List<TopChatter> topChatters) {
    }

    static ChannelStatsResponse of(String channelId, List<ChatStats> latest, Optional<StreamChatStats> stream,
                                   Instant now) {
        ChatStats minute = running(channelId, latest, 60, now);
        ChatStats tenMinutes = running(channelId, latest, 600, now);
        double elapsed = Math.max(1, Duration.between(minute.windowStart(), now).toMillis() / 1000.0);
        return new ChannelStatsResponse(channelId, minute.messageCount(), window(minute), minute.lastUpdated(),
                minute.uniqueChatters(), Math.round(minute.messageCount() / elapsed * 100) / 100.0,
                minute.topEmotes(), minute.topChatters(),
                new WindowCounts(window(tenMinutes), tenMinutes.messageCount(), tenMinutes.uniqueChatters(),
                        tenMinutes.topEmotes(), tenMinutes.topChatters()),
                stream.map(live -> new StreamCounts(live.since(), live.messageCount(), live.topEmotes(),
                        live.topChatters())).orElse(null));
    }

    /** The window of this length running at {@code now}: the latest one published, or an empty one. */
    private static ChatStats running(String channelId, List<ChatStats> latest, int seconds, Instant now) {
        long length = seconds * 1000L;
        Instant start = Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), length));
        return latest.stream()
                .filter(stats -> stats.windowSeconds() == seconds && stats.windowStart().equals(start))
                .findFirst()
                .orElse(new ChatStats(ChatStats.SCHEMA_VERSION, channelId, seconds, start, start.plusSeconds(seconds),
                        0, 0, List.of(), List.of(), latest.stream().map(ChatStats::lastUpdated)
                        .max(Instant::compareTo).orElse(now)));
    }

    private static Window window(ChatStats stats) {
        return new Window(stats.windowStart(), stats.windowEnd(), stats.windowSeconds());
    }
}
