package dev.stagehand.api.chatroom;

import java.time.Instant;

/**
 * Answered with a {@code List<PublishedRoomMessage>}: the room's latest messages published before {@code before} (or
 * the latest of all when it is null), newest first, at most {@code limit}; deleted ones left out.
 */
public record FindRoomMessages(RoomId roomId, Instant before, int limit) {
}
