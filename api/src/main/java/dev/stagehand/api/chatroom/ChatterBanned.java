package dev.stagehand.api.chatroom;

import dev.stagehand.api.account.AccountId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ChatterBanned(RoomId roomId, AccountId chatter, String reason) {
}
