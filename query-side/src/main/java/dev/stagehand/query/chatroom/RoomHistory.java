package dev.stagehand.query.chatroom;

import dev.stagehand.api.chatroom.ChatMessageDeleted;
import dev.stagehand.api.chatroom.FindRoomMessages;
import dev.stagehand.api.chatroom.FindRoomMessagesAfter;
import dev.stagehand.api.chatroom.PublishedRoomMessage;
import dev.stagehand.api.chatroom.RoomMessagesAfter;
import dev.stagehand.query.DayPartitions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat rooms' history: every message of {@code stagehand.rooms.published} stored once (a poll at a time, by message
 * id, in partitions by day), messages taken down by moderators listed apart and left out; a room's latest messages answered, and those
 * after a given one (for a client that reconnects).
 */
@Component
@ProcessingGroup("room-moderation")
class RoomHistory {

    private static final Logger log = LoggerFactory.getLogger(RoomHistory.class);
    private static final String INSERT = """
            INSERT INTO room_message (slug, message_id, sender_id, sender_name, original, styled, style, stylist,
                                      fell_back, submitted_at, published_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final DayPartitions days;

    RoomHistory(JdbcTemplate jdbc, JdbcClient client, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.days = new DayPartitions(client, transactions, "room_message");
    }

    @KafkaListener(id = "room-history", groupId = "stagehand-room-history", topics = "stagehand.rooms.published",
            batch = "true", properties = {"auto.offset.reset=earliest", "max.poll.records=5000"})
    void store(List<ConsumerRecord<String, String>> batch) {
        List<PublishedRoomMessage> messages = batch.stream().map(this::read).filter(message -> message != null)
                .toList();
        messages.stream().map(message -> DayPartitions.dayOf(message.publishedAt())).distinct()
                .forEach(days::ensure);
        jdbc.batchUpdate(INSERT, messages, 1000, (statement, message) -> {
            statement.setString(1, message.room());
            statement.setString(2, message.messageId());
            statement.setString(3, message.senderId());
            statement.setString(4, message.senderName());
            statement.setString(5, message.original());
            statement.setString(6, message.styled());
            statement.setString(7, message.style());
            statement.setString(8, message.stylist());
            statement.setString(9, message.fellBack());
            statement.setObject(10, java.sql.Timestamp.from(message.submittedAt()));
            statement.setObject(11, java.sql.Timestamp.from(message.publishedAt()));
        });
    }

    private PublishedRoomMessage read(ConsumerRecord<String, String> consumed) {
        try {
            return json.readValue(consumed.value(), PublishedRoomMessage.class);
        } catch (JacksonException | IllegalArgumentException unreadable) {
            log.warn("Skipped a record of {} that is no room message, partition {} offset {}", consumed.topic(),
                    consumed.partition(), consumed.offset());
            return null;
        }
    }

    @EventHandler
    void on(ChatMessageDeleted event, @Timestamp Instant at) {
        jdbc.update("INSERT INTO room_message_deleted (slug, message_id, deleted_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", event.roomId().slug(), event.messageId(), java.sql.Timestamp.from(at));
    }

    @ResetHandler
    void clear() {
        jdbc.update("DELETE FROM room_message_deleted");
    }

    /** Drops the days of history before {@code firstKept}. */
    void dropDaysBefore(LocalDate firstKept) {
        days.dropBefore(firstKept);
    }

    @QueryHandler
    List<PublishedRoomMessage> handle(FindRoomMessages query) {
        String slug = query.roomId().slug();
        Long beforeSeq = Long.MAX_VALUE;
        if (query.beforeId() != null) {
            List<Long> at = seqOf(slug, query.beforeId());
            if (at.isEmpty()) {
                return List.of();
            }
            beforeSeq = at.get(0);
        }
        return jdbc.query("""
                    SELECT * FROM room_message m WHERE slug = ? AND published_at < ? AND seq < ?
                    AND NOT EXISTS (SELECT 1 FROM room_message_deleted d
                                    WHERE d.slug = m.slug AND d.message_id = m.message_id)
                    ORDER BY seq DESC LIMIT ?""", this::message, slug,
                java.sql.Timestamp.from(query.before() == null ? Instant.now().plusSeconds(3600) : query.before()),
                beforeSeq, query.limit());
    }

    private List<Long> seqOf(String slug, String messageId) {
        return jdbc.queryForList("SELECT seq FROM room_message WHERE slug = ? AND message_id = ?", Long.class, slug,
                messageId);
    }

    @QueryHandler
    RoomMessagesAfter handle(FindRoomMessagesAfter query) {
        List<Long> at = seqOf(query.roomId().slug(), query.messageId());
        if (at.isEmpty()) {
            return new RoomMessagesAfter(false, List.of());
        }
        return new RoomMessagesAfter(true, jdbc.query("""
                    SELECT * FROM room_message m WHERE slug = ? AND seq > ?
                    AND NOT EXISTS (SELECT 1 FROM room_message_deleted d
                                    WHERE d.slug = m.slug AND d.message_id = m.message_id)
                    ORDER BY seq LIMIT ?""", this::message, query.roomId().slug(), at.get(0), query.limit()));
    }

    private PublishedRoomMessage message(ResultSet row, int number) throws SQLException {
        return new PublishedRoomMessage(PublishedRoomMessage.SCHEMA_VERSION, row.getString("message_id"),
                row.getString("slug"), row.getString("sender_id"), row.getString("sender_name"),
                row.getString("original"), row.getString("styled"), row.getString("style"), row.getString("stylist"),
                row.getString("fell_back"), row.getTimestamp("submitted_at").toInstant(),
                row.getTimestamp("published_at").toInstant());
    }
}
