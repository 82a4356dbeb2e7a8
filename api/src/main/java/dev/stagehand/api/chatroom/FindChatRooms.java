package dev.stagehand.api.chatroom;

/** Answered with a {@code List<ChatRoomView>}: every room that is open, by title. */
public record FindChatRooms() {
}
