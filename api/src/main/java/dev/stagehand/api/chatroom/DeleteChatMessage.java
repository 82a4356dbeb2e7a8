package dev.stagehand.api.chatroom;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a published message out of the room: from every open client, the recent messages and the history. */
public record DeleteChatMessage(@TargetAggregateIdentifier RoomId roomId, String messageId) {
}
