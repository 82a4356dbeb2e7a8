package dev.stagehand.api.chatroom;

import dev.stagehand.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnbanChatter(@TargetAggregateIdentifier RoomId roomId, AccountId chatter) {
}
