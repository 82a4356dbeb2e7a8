package dev.stagehand.api.chatroom;

/** Answered with an {@code Optional<ChatRoomView>}: the room, open or closed. */
public record FindChatRoom(RoomId roomId) {
}
