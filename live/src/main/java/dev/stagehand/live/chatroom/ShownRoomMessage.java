package dev.stagehand.live.chatroom;

import java.time.Instant;

/**
 * A room message as its readers receive it, anonymous ones too: the sender by a pseudonym of theirs in this room
 * (the same for all their messages there), never by their account id ({@link ShownRoomMessages}).
 */
public record ShownRoomMessage(String messageId, String room, String sender, String senderName, String original,
                               String styled, String style, String stylist, String fellBack, Instant submittedAt,
                               Instant publishedAt) {
}
