package dev.stagehand.api.chatroom;

import java.util.List;

/** The answer to {@link FindRoomMessagesAfter}: whether history has that message, and what followed it. */
public record RoomMessagesAfter(boolean known, List<PublishedRoomMessage> messages) {
}
