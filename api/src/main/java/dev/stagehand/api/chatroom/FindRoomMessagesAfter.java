package dev.stagehand.api.chatroom;

/**
 * Answered with {@link RoomMessagesAfter}: the messages of the room published after the message {@code messageId},
 * oldest first, at most {@code limit}; deleted ones left out.
 */
public record FindRoomMessagesAfter(RoomId roomId, String messageId, int limit) {
}
