package dev.stagehand.api.chatroom;

import java.time.Instant;

/**
 * A message a registered user sent to a room, as it travels on {@code stagehand.rooms.submitted}, keyed by room, before
 * it is styled.
 *
 * @param messageId  given by the gateway that took it, so the sender can match the published message to what it sent
 * @param senderId   the sender's account id
 * @param senderName the sender's display name when they sent it
 */
public record SubmittedRoomMessage(int schemaVersion, String messageId, String room, String senderId,
                                   String senderName, String text, Instant submittedAt) {

    public static final int SCHEMA_VERSION = 1;
}
