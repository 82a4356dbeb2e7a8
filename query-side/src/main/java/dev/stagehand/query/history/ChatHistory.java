package dev.stagehand.query.history;

import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.history.ChatMessagePage;
import dev.stagehand.api.history.FindChatMessages;
import dev.stagehand.api.history.HistoryCursor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers searches of {@code chat_message}: a channel's records in a time range, by chatter and by words, newest first,
 * or oldest first for a replay.
 */
@Component
class ChatHistory {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChatHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    ChatMessagePage handle(FindChatMessages query) {
        StringBuilder sql = new StringBuilder("SELECT sent_at, message_id, record FROM chat_message"
                                              + " WHERE channel_id = :channel");
        Map<String, Object> params = new HashMap<>();
        params.put("channel", query.channelId());
        if (query.from() != null) {
            sql.append(" AND sent_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND sent_at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        if (query.user() != null) {
            sql.append(" AND user_login = :user");
            params.put("user", query.user().toLowerCase());
        }
        if (query.words() != null) {
            sql.append(" AND " + ChatHistoryPartitions.WORDS + " @@ plainto_tsquery('simple', :words)");
            params.put("words", query.words());
        }
        if (query.cursor() != null) {
            sql.append(query.oldestFirst() ? " AND (sent_at, message_id) > (:cursorAt, :cursorId)"
                    : " AND (sent_at, message_id) < (:cursorAt, :cursorId)");
            params.put("cursorAt", Timestamp.from(query.cursor().sentAt()));
            params.put("cursorId", query.cursor().messageId());
        }
        sql.append(query.oldestFirst() ? " ORDER BY sent_at, message_id LIMIT :limit"
                : " ORDER BY sent_at DESC, message_id DESC LIMIT :limit");
        params.put("limit", query.limit() + 1);

        List<Stored> found = jdbc.sql(sql.toString()).params(params)
                .query((row, number) -> new Stored(row.getTimestamp("sent_at").toInstant(),
                        row.getString("message_id"), row.getString("record")))
                .list();
        boolean more = found.size() > query.limit();
        List<Stored> page = more ? found.subList(0, query.limit()) : found;
        Stored last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new ChatMessagePage(page.stream().map(stored -> json.readValue(stored.record(), ChatRecord.class))
                .toList(), more ? new HistoryCursor(last.sentAt(), last.messageId()) : null);
    }

    private record Stored(Instant sentAt, String messageId, String record) {
    }
}
