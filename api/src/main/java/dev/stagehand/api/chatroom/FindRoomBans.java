package dev.stagehand.api.chatroom;

/** Answered with a {@code List<AccountId>}: who may not send in the room. */
public record FindRoomBans(RoomId roomId) {
}
