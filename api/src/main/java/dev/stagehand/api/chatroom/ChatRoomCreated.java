package dev.stagehand.api.chatroom;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ChatRoomCreated(RoomId roomId, String title, RoomStyle style) {
}
