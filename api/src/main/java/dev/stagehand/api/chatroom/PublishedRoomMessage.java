package dev.stagehand.api.chatroom;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A room message as everyone sees it, on {@code stagehand.rooms.published}, keyed by room: the original beside the
 * styled text, and which style and stylist made it, so a room can be rendered again with another model.
 *
 * @param stylist the model that styled it, or {@code rules} for the rule-based stylist
 * @param fellBack why the rules styled it although a model is configured (too slow, failing); null otherwise
 */
public record PublishedRoomMessage(int schemaVersion, String messageId, String room, String senderId,
                                   String senderName, String original, String styled, String style, String stylist,
                                   String fellBack, Instant submittedAt, Instant publishedAt) {

    public static final int SCHEMA_VERSION = 1;
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** Whether {@code value} can be a room message's id: what a client names one by is checked with this. */
    public static boolean isMessageId(String value) {
        return value != null && MESSAGE_ID.matcher(value).matches();
    }
}
