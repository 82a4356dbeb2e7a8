package dev.stagehand.api.chatroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeRoomStyle(@TargetAggregateIdentifier RoomId roomId, RoomStyle style) {
}
