package dev.stagehand.query.history;

import dev.stagehand.api.kafka.Topics;
import dev.stagehand.query.DayPartitions;
import dev.stagehand.query.chat.ChatLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores every record of {@code stagehand.chat.messages} in {@code chat_message}, a poll's worth at a time by COPY,
 * PostgreSQL's fastest way in. When some of a poll's records were stored before (Kafka delivers again after a crash or
 * a rebalance), COPY refuses the whole poll and it is written again by an INSERT that skips those. The nodes of a
 * deployment share the topic's partitions (one consumer group) and commit offsets after the rows, so nothing is lost
 * or stored twice; while the database fails, the same poll is tried again (the application's Kafka error handler
 * backs off and never skips). The lines of chatters who opted out are not written; a record that is not a chat record
 * (or whose ids could not be Twitch's) is set aside on {@code stagehand.chat.dead-letters}, as it was, before the
 * poll's offsets are committed.
 */
@Component
class ChatHistoryWriter {

    static final String GROUP = "stagehand-chat-history";
    static final String DEAD_LETTER = "stagehand.dead-letter.";
    private static final Logger log = LoggerFactory.getLogger(ChatHistoryWriter.class);
    /** Clocks disagree: a record dated further ahead than this is filed under when Stagehand received it. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);
    private static final String COPY = "COPY chat_message (channel_id, sent_at, message_id, kind, user_id, user_login,"
                                       + " text, record) FROM STDIN";
    private static final String INSERT = """
            INSERT INTO chat_message (channel_id, sent_at, message_id, kind, user_id, user_login, text, record)
            SELECT * FROM unnest(?::varchar[], ?::timestamptz[], ?::varchar[], ?::varchar[], ?::varchar[],
                                 ?::varchar[], ?::text[], ?::text[])
            ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ChatHistoryPartitions partitions;
    private final ChatHistoryProperties settings;
    private final ChatHistoryOptOuts optOuts;
    private final KafkaTemplate<String, String> kafka;
    private final AtomicLong unreadable = new AtomicLong();

    ChatHistoryWriter(JdbcTemplate jdbc, JsonMapper json, ChatHistoryPartitions partitions,
                      ChatHistoryProperties settings, ChatHistoryOptOuts optOuts, KafkaTemplate<String, String> kafka) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.json = json;
        this.partitions = partitions;
        this.settings = settings;
        this.optOuts = optOuts;
    }

    /** A line as stored, and when it is filed. */
    private record Row(ChatLine line, Instant sentAt) {
    }

    @KafkaListener(id = "chat-history", groupId = GROUP, topics = "stagehand.chat.messages", batch = "true",
            concurrency = "${stagehand.history.writers:2}",
            properties = {"auto.offset.reset=earliest", "max.poll.records=5000"})
    void store(List<ConsumerRecord<String, String>> batch) {
        try {
            write(batch);
        } catch (RuntimeException failed) {
            Throwable cause = failed instanceof DataAccessException database ? database.getMostSpecificCause() : failed;
            log.warn("Chat history could not be written; the same {} records are tried again: {}", batch.size(),
                    cause.toString());
            throw failed;
        }
    }

    private void write(List<ConsumerRecord<String, String>> batch) {
        Instant now = Instant.now();
        Instant oldestKept = now.minus(settings.retention());
        List<Row> rows = new ArrayList<>(batch.size());
        List<CompletableFuture<?>> setAside = new ArrayList<>();
        Set<String> optedOut = optOuts.chatters().ids();
        for (ConsumerRecord<String, String> consumed : batch) {
            ChatLine line = read(consumed);
            if (line == null) {
                setAside.add(deadLetter(consumed));
                continue;
            }
            if (line.userId() != null && optedOut.contains(line.userId())) {
                continue;
            }
            Instant sentAt = filedAt(line, now);
            if (sentAt.isAfter(oldestKept)) {
                rows.add(new Row(line, sentAt));
            }
        }
        CompletableFuture.allOf(setAside.toArray(CompletableFuture[]::new)).join();
        if (rows.isEmpty()) {
            return;
        }
        rows.stream().map(row -> DayPartitions.dayOf(row.sentAt())).distinct().forEach(partitions::ensure);
        try {
            jdbc.execute((ConnectionCallback<Long>) connection -> copy(connection, copyText(rows)));
        } catch (DuplicateKeyException deliveredAgain) {
            insertNew(rows);
        }
    }

    private static long copy(Connection connection, byte[] rows) throws SQLException {
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new ByteArrayInputStream(rows));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable); // a byte array is always readable
        }
    }

    /** The rows in COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
    private static byte[] copyText(List<Row> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 1024);
        for (Row row : rows) {
            ChatLine line = row.line();
            field(text, line.channelId()).append('\t');
            field(text, row.sentAt().toString()).append('\t');
            field(text, line.messageId()).append('\t');
            field(text, line.kind().name()).append('\t');
            field(text, line.userId()).append('\t');
            field(text, line.userLogin()).append('\t');
            field(text, withoutNul(line.text())).append('\t');
            field(text, line.json()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends {@code value} escaped, copying the runs between escapes whole (char by char was a third of the work). */
    private static StringBuilder field(StringBuilder text, String value) {
        if (value == null) {
            return text.append("\\N");
        }
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            String escaped = switch (value.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                text.append(value, run, i).append(escaped);
                run = i + 1;
            }
        }
        return text.append(value, run, value.length());
    }

    private void insertNew(List<Row> rows) {
        jdbc.execute(INSERT, (PreparedStatement statement) -> {
            Connection connection = statement.getConnection();
            statement.setArray(1, column(connection, rows, row -> row.line().channelId()));
            statement.setArray(2, column(connection, rows, row -> row.sentAt().toString()));
            statement.setArray(3, column(connection, rows, row -> row.line().messageId()));
            statement.setArray(4, column(connection, rows, row -> row.line().kind().name()));
            statement.setArray(5, column(connection, rows, row -> row.line().userId()));
            statement.setArray(6, column(connection, rows, row -> row.line().userLogin()));
            statement.setArray(7, column(connection, rows, row -> withoutNul(row.line().text())));
            statement.setArray(8, column(connection, rows, row -> row.line().json()));
            return statement.executeUpdate();
        });
    }

    /** PostgreSQL text cannot hold NUL; Twitch never sends one, a broken client might. */
    private static String withoutNul(String text) {
        return text == null ? null : text.replace("\u0000", "");
    }

    private static Array column(Connection connection, List<Row> rows, Function<Row, String> value)
            throws SQLException {
        return connection.createArrayOf("text", rows.stream().map(value).toArray(String[]::new));
    }

    /** The record's line; null when it is no chat record or has ids longer than Twitch's. */
    private ChatLine read(ConsumerRecord<String, String> consumed) {
        ChatLine line = consumed.value() == null ? null : ChatLine.read(json, consumed.value());
        return line != null && fits(line) ? line : null;
    }

    /** Sets a record aside as it was, saying where it came from; logged now and then, counted. */
    private CompletableFuture<?> deadLetter(ConsumerRecord<String, String> consumed) {
        if (unreadable.incrementAndGet() % 1000 == 1) {
            log.warn("Set aside a record of {} that is not a chat record ({} so far), partition {} offset {}, on {}",
                    consumed.topic(), unreadable.get(), consumed.partition(), consumed.offset(),
                    Topics.CHAT_DEAD_LETTERS.name());
        }
        ProducerRecord<String, String> letter = new ProducerRecord<>(Topics.CHAT_DEAD_LETTERS.name(), consumed.key(),
                consumed.value());
        letter.headers()
              .add(DEAD_LETTER + "topic", bytes(consumed.topic()))
              .add(DEAD_LETTER + "partition", bytes(Integer.toString(consumed.partition())))
              .add(DEAD_LETTER + "offset", bytes(Long.toString(consumed.offset())))
              .add(DEAD_LETTER + "reason", bytes("not a chat record Stagehand can keep"));
        return kafka.send(letter);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the line's ids fit their columns (a record that does not would fail its whole poll forever). */
    private static boolean fits(ChatLine line) {
        return line.channelId().length() <= 20 && line.messageId().length() <= 128
               && (line.userId() == null || line.userId().length() <= 20)
               && (line.userLogin() == null || line.userLogin().length() <= 64);
    }

    private static Instant filedAt(ChatLine line, Instant now) {
        Instant sentAt = line.sentAt();
        if (sentAt == null || sentAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            return line.receivedAt() == null ? now : line.receivedAt();
        }
        return sentAt;
    }
}
