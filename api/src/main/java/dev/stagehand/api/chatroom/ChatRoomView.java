package dev.stagehand.api.chatroom;

import java.time.Instant;

/** A chat room as the read model keeps it. */
public record ChatRoomView(RoomId roomId, String title, RoomStyle style, boolean closed, Instant createdAt,
                           Instant updatedAt) {
}
