package dev.stagehand.api.chatroom;

import dev.stagehand.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The chatter may no longer send in this room (reading stays open to everyone). */
public record BanChatter(@TargetAggregateIdentifier RoomId roomId, AccountId chatter, String reason) {
}
