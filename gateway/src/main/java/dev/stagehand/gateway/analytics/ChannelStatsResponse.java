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
 * A channel's statistics now, in the original stats API's contract: {@code channel_id}, {@code message_count},
 * {@code unique_chatters}, {@code top_emotes} and {@code top_chatters} of the ten-minute {@code current_window} now
 * running, its {@code start} and {@code end} and {@code last_updated} in epoch seconds; with richer figures beside
 * them. A window the channel has been quiet in since it began has zero counts.
 *
 * @param messagesPerSecond the running minute's messages over the seconds of it gone by
 * @param minuteWindow      the one-minute window now running, the same way
 * @param currentStream     the channel's chat since its stream went live; null while it is offline
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ChannelStatsResponse(String channelId, String channelLogin, long messageCount, Window currentWindow,
                            long lastUpdated, long uniqueChatters, List<TopEmote> topEmotes,
                            List<TopChatter> topChatters, double messagesPerSecond, WindowCounts minuteWindow,
                            StreamCounts currentStream) {

    /** A window, its times in epoch seconds. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Window(long start, long end, long durationSeconds) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record WindowCounts(Window window, long messageCount, long uniqueChatters, List<TopEmote> topEmotes,
                        List<TopChatter> topChatters) {
    }

    /** The stream's figures (since when, in epoch seconds): see {@link StreamChatStats} for how its tops count. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StreamCounts(long startedAt, long messageCount, List<TopEmote> topEmotes, List<TopChatter> topChatters) {
    }

    static ChannelStatsResponse of(String channelId, String login, List<ChatStats> latest,
                                   Optional<StreamChatStats> stream, Instant now) {
        ChatStats minute = running(channelId, latest, 60, now);
        ChatStats tenMinutes = running(channelId, latest, 600, now);
        double elapsed = Math.max(1, Duration.between(minute.windowStart(), now).toMillis() / 1000.0);
        return new ChannelStatsResponse(channelId, login, tenMinutes.messageCount(), window(tenMinutes),
                tenMinutes.lastUpdated().getEpochSecond(), tenMinutes.uniqueChatters(), tenMinutes.topEmotes(),
                tenMinutes.topChatters(), Math.round(minute.messageCount() / elapsed * 100) / 100.0,
                new WindowCounts(window(minute), minute.messageCount(), minute.uniqueChatters(), minute.topEmotes(),
                        minute.topChatters()),
                stream.map(live -> new StreamCounts(live.since().getEpochSecond(), live.messageCount(),
                        live.topEmotes(), live.topChatters())).orElse(null));
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
        return new Window(stats.windowStart().getEpochSecond(), stats.windowEnd().getEpochSecond(),
                stats.windowSeconds());
    }
}
