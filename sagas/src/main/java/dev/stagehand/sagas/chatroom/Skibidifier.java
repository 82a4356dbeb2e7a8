package dev.stagehand.sagas.chatroom;

import dev.stagehand.api.chatroom.ChatRoomView;
import dev.stagehand.api.chatroom.PublishedRoomMessage;
import dev.stagehand.api.chatroom.SubmittedRoomMessage;
import dev.stagehand.api.kafka.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Between {@code stagehand.rooms.submitted} and {@code stagehand.rooms.published}: every message is rewritten in its
 * room's style and published with its original. The nodes share the submitted topic's partitions (one consumer group);
 * a poll's offsets are committed once all of its messages are published, so a restart loses none (one published
 * twice is recognised by its id downstream). A message for a room that is gone is dropped, logged.
 */
@Component
class Skibidifier {

    private static final Logger log = LoggerFactory.getLogger(Skibidifier.class);

    private final RoomStyles rooms;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;

    Skibidifier(RoomStyles rooms, KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.rooms = rooms;
        this.kafka = kafka;
        this.json = json;
    }

    @KafkaListener(id = "skibidifier", groupId = "stagehand-skibidifier", topics = "stagehand.rooms.submitted",
            batch = "true", properties = "auto.offset.reset=earliest")
    void restyle(List<ConsumerRecord<String, String>> batch) {
        List<CompletableFuture<?>> published = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, String> consumed : batch) {
            SubmittedRoomMessage message;
            try {
                message = json.readValue(consumed.value(), SubmittedRoomMessage.class);
            } catch (JacksonException | IllegalArgumentException unreadable) {
                log.warn("Skipped a record of {} that is no room message, partition {} offset {}", consumed.topic(),
                        consumed.partition(), consumed.offset());
                continue;
            }
            Optional<ChatRoomView> room = rooms.open(message.room());
            if (room.isEmpty()) {
                log.info("Dropped message {}: the room {} is closed or gone", message.messageId(), message.room());
                continue;
            }
            String styled = RuleStylist.restyle(room.get().style(), message.text());
            PublishedRoomMessage out = new PublishedRoomMessage(PublishedRoomMessage.SCHEMA_VERSION,
                    message.messageId(), message.room(), message.senderId(), message.senderName(), message.text(),
                    styled, room.get().style().name(), RuleStylist.NAME, null, message.submittedAt(), Instant.now());
            published.add(kafka.send(Topics.ROOM_PUBLISHED.name(), message.room(), json.writeValueAsString(out)));
        }
        CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).join();
    }
}
