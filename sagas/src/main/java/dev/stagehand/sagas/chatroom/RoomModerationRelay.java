package dev.stagehand.sagas.chatroom;

import dev.stagehand.api.chatroom.ChatMessageDeleted;
import dev.stagehand.api.chatroom.RoomModeration;
import dev.stagehand.api.kafka.Topics;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a moderator's deletion from the event store to every node: one node handles each event (the processor's
 * token), Kafka carries it to all, and each takes the message out of its rooms' open clients and recent messages.
 * Sent again after a replay, a deletion changes nothing.
 */
@Component
@ProcessingGroup("room-moderation-relay")
class RoomModerationRelay {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;

    RoomModerationRelay(KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    @EventHandler
    void on(ChatMessageDeleted event) {
        String room = event.roomId().slug();
        kafka.send(Topics.ROOM_MODERATION.name(), room, json.writeValueAsString(new RoomModeration(
                RoomModeration.SCHEMA_VERSION, RoomModeration.DELETED, room, event.messageId()))).join();
    }
}
