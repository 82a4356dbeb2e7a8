package dev.stagehand.api.chatroom;

import java.time.Instant;

/**
 * Answered with a {@code List<PublishedRoomMessage>}: the room's latest messages published before {@code before} (or
 * before the message {@code beforeId}, for paging back; or the latest of all when both are null), newest first, at
 * most {@code limit}; deleted ones left out. An unknown {@code beforeId} answers nothing.
 */
public record FindRoomMessages(RoomId roomId, Instant before, String beforeId, int limit) {
}
