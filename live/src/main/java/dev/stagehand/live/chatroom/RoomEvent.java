package dev.stagehand.live.chatroom;

/**
 * What a room's clients are told, as this node routes it: a published message (as readers get it, {@link
 * ShownRoomMessage}; {@code senderId}, the sender's account, only tells a client its own messages), or the deletion of
 * one ({@code json} null).
 */
public record RoomEvent(String room, String messageId, String senderId, String json) {

    boolean deletion() {
        return json == null;
    }
}
