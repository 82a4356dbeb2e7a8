package dev.stagehand.api.chatroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseChatRoom(@TargetAggregateIdentifier RoomId roomId) {
}
