package dev.stagehand.query.analytics;

import dev.stagehand.api.analytics.ChatStats;
import dev.stagehand.api.analytics.FindChannelStats;
import dev.stagehand.api.analytics.FindChatStatsSeries;
import dev.stagehand.api.analytics.FindStreamChatStats;
import dev.stagehand.api.analytics.StreamChatStats;
import dev.stagehand.query.history.ChatHistoryOptOuts;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds {@code chat_stats_view} from {@code stagehand.chat.stats}: the last figures of every window, a row each, and
 * answers the queries of channel statistics. A window published again replaces its row, unless that row is newer.
 * Chatters who opted out are left out of the top chatters.
 */
@Component
class ChatStatsView {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ChatHistoryOptOuts optOuts;

    ChatStatsView(JdbcClient jdbc, JsonMapper json, ChatHistoryOptOuts optOuts) {
        this.jdbc = jdbc;
        this.json = json;
        this.optOuts = optOuts;
    }

    @KafkaListener(id = "chat-stats-view", groupId = "stagehand-chat-stats-view", topics = "stagehand.chat.stats",
            batch = "true", properties = "auto.offset.reset=earliest")
    void store(List<ConsumerRecord<String, String>> batch) {
        Map<String, ChatStats> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> consumed : batch) {
            try {
                ChatStats stats = json.readValue(consumed.value(), ChatStats.class);
                latest.put(stats.channelId() + "|" + stats.windowSeconds() + "|" + stats.windowStart(), stats);
            } catch (JacksonException | IllegalArgumentException unreadable) {
                // only the analytics processor writes this topic; a record it did not write is ignored
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        // The processor learns of an opt-out within ten seconds; until then it may still name the chatter.
        Set<String> optedOut = optOuts.chatters().logins();
        latest.values().forEach(stats -> upsert(stats.withoutChatters(optedOut)));
    }

    private void upsert(ChatStats stats) {
        jdbc.sql("""
                    INSERT INTO chat_stats_view (channel_id, window_seconds, window_start, message_count,
                                                 unique_chatters, stats, last_updated)
                    VALUES (:channel, :seconds, :start, :messages, :chatters, :stats, :updated)
                    ON CONFLICT (channel_id, window_seconds, window_start) DO UPDATE SET
                        message_count = EXCLUDED.message_count, unique_chatters = EXCLUDED.unique_chatters,
                        stats = EXCLUDED.stats, last_updated = EXCLUDED.last_updated
                    WHERE chat_stats_view.last_updated <= EXCLUDED.last_updated""")
            .param("channel", stats.channelId())
            .param("seconds", stats.windowSeconds())
            .param("start", Timestamp.from(stats.windowStart()))
            .param("messages", stats.messageCount())
            .param("chatters", stats.uniqueChatters())
            .param("stats", json.writeValueAsString(stats))
            .param("updated", Timestamp.from(stats.lastUpdated()))
            .update();
    }

    @QueryHandler
    List<ChatStats> handle(FindChannelStats query) {
        return jdbc.sql("""
                    SELECT DISTINCT ON (window_seconds) stats FROM chat_stats_view WHERE channel_id = :channel
                    ORDER BY window_seconds, window_start DESC""")
                   .param("channel", query.channelId())
                   .query(String.class).list().stream()
                   .map(stats -> json.readValue(stats, ChatStats.class)).toList();
    }

    @QueryHandler
    StreamChatStats handle(FindStreamChatStats query) {
        Instant firstMinute = query.since().truncatedTo(ChronoUnit.MINUTES);
        return StreamTotals.of(query.channelId(), query.since(), handle(new FindChatStatsSeries(query.channelId(), 60,
                firstMinute, Instant.now().plus(1, ChronoUnit.MINUTES))));
    }

    @QueryHandler
    List<ChatStats> handle(FindChatStatsSeries query) {
        return jdbc.sql("""
                    SELECT stats FROM chat_stats_view WHERE channel_id = :channel AND window_seconds = :seconds
                    AND window_start >= :from AND window_start < :to ORDER BY window_start""")
                   .param("channel", query.channelId())
                   .param("seconds", query.windowSeconds())
                   .param("from", Timestamp.from(query.from()))
                   .param("to", Timestamp.from(query.to()))
                   .query(String.class).list().stream()
                   .map(stats -> json.readValue(stats, ChatStats.class)).toList();
    }
}
