package dev.stagehand.live.chatroom;

/**
 * What a room's clients are told, as this node routes it: a published message (its JSON as it travelled on Kafka), or
 * the deletion of one ({@code json} null).
 */
public record RoomEvent(String room, String messageId, String senderId, String json) {

    boolean deletion() {
        return json == null;
    }
}
