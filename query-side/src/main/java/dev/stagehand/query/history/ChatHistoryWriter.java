package dev.stagehand.query.history;

import dev.stagehand.api.chat.ChatRecord;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores every record of {@code stagehand.chat.messages} in {@code chat_message}, a poll's worth at a time in one
 * statement. The nodes of a deployment share the topic's partitions (one consumer group); offsets are committed
 * after the rows, and a record delivered again is ignored by its key, so nothing is lost or stored twice; while the
 * database fails, the same poll is tried again (the application's Kafka error handler backs off and never skips). A
 * record that is not a chat record is skipped and counted.
 */
@Component
class ChatHistoryWriter {

    static final String GROUP = "stagehand-chat-history";
    private static final Logger log = LoggerFactory.getLogger(ChatHistoryWriter.class);
    /** Clocks disagree: a record dated further ahead than this is filed under when Stagehand received it. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);
    private static final String INSERT = """
            INSERT INTO chat_message (channel_id, sent_at, message_id, kind, user_login, text, record)
            SELECT * FROM unnest(?::varchar[], ?::timestamptz[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[],
                                 ?::json[])
            ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ChatHistoryPartitions partitions;
    private final ChatHistoryProperties settings;
    private final AtomicLong unreadable = new AtomicLong();

    ChatHistoryWriter(JdbcTemplate jdbc, JsonMapper json, ChatHistoryPartitions partitions,
                      ChatHistoryProperties settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.partitions = partitions;
        this.settings = settings;
    }

    /** A record as stored: its JSON and when it is filed. */
    private record Row(ChatRecord record, String json, Instant sentAt) {
    }

    @KafkaListener(id = "chat-history", groupId = GROUP, topics = "stagehand.chat.messages", batch = "true",
            concurrency = "${stagehand.history.writers:2}",
            properties = {"auto.offset.reset=earliest", "max.poll.records=5000"})
    void store(List<ConsumerRecord<String, String>> batch) {
        Instant now = Instant.now();
        Instant oldestKept = now.minus(settings.retention());
        List<Row> rows = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, String> consumed : batch) {
            ChatRecord record = read(consumed);
            if (record == null) {
                continue;
            }
            Instant sentAt = filedAt(record, now);
            if (sentAt.isAfter(oldestKept)) {
                rows.add(new Row(record, consumed.value(), sentAt));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        rows.stream().map(row -> ChatHistoryPartitions.dayOf(row.sentAt())).distinct().forEach(partitions::ensure);
        jdbc.execute(INSERT, (PreparedStatement statement) -> {
            Connection connection = statement.getConnection();
            statement.setArray(1, column(connection, rows, row -> row.record().channelId()));
            statement.setArray(2, column(connection, rows, row -> row.sentAt().toString()));
            statement.setArray(3, column(connection, rows, row -> row.record().id()));
            statement.setArray(4, column(connection, rows, row -> row.record().kind().name()));
            statement.setArray(5, column(connection, rows, row -> row.record().user() == null
                    || row.record().user().login() == null ? null : row.record().user().login().toLowerCase()));
            // PostgreSQL text cannot hold NUL; Twitch never sends one, a broken client might.
            statement.setArray(6, column(connection, rows, row -> row.record().text() == null ? null
                    : row.record().text().replace("\u0000", "")));
            statement.setArray(7, column(connection, rows, Row::json));
            return statement.executeUpdate();
        });
    }

    private static Array column(Connection connection, List<Row> rows, Function<Row, String> value)
            throws SQLException {
        return connection.createArrayOf("text", rows.stream().map(value).toArray(String[]::new));
    }

    private ChatRecord read(ConsumerRecord<String, String> consumed) {
        try {
            ChatRecord record = consumed.value() == null ? null : json.readValue(consumed.value(), ChatRecord.class);
            if (record != null && record.id() != null && record.channelId() != null && record.kind() != null) {
                return record;
            }
        } catch (JacksonException notAChatRecord) {
            // counted below
        }
        if (unreadable.incrementAndGet() % 1000 == 1) {
            log.warn("Skipped a record of stagehand.chat.messages that is not a chat record ({} so far), at "
                     + "partition {} offset {}", unreadable.get(), consumed.partition(), consumed.offset());
        }
        return null;
    }

    private static Instant filedAt(ChatRecord record, Instant now) {
        Instant sentAt = record.sentAt();
        if (sentAt == null || sentAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            return record.receivedAt() == null ? now : record.receivedAt();
        }
        return sentAt;
    }
}
