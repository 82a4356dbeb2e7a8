package dev.stagehand.live.chatroom;

import dev.stagehand.api.chatroom.PublishedRoomMessage;
import dev.stagehand.secrets.Pseudonyms;
import org.springframework.stereotype.Component;

/** Turns published room messages into what readers receive: the sender's account id replaced by a room pseudonym. */
@Component
public class ShownRoomMessages {

    private final Pseudonyms pseudonyms;

    ShownRoomMessages(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    public ShownRoomMessage of(PublishedRoomMessage message) {
        return new ShownRoomMessage(message.messageId(), message.room(),
                pseudonyms.of(message.room(), message.senderId()), message.senderName(), message.original(),
                message.styled(), message.style(), message.stylist(), message.fellBack(), message.submittedAt(),
                message.publishedAt());
    }
}
