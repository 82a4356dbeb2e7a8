package dev.stagehand.api.chatroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param title what people see ("Pirate Cove") */
public record CreateChatRoom(@TargetAggregateIdentifier RoomId roomId, String title, RoomStyle style) {
}
