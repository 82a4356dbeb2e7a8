package dev.stagehand.query.history;

import dev.stagehand.api.chat.ChatRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * What history stores of a {@link ChatRecord}'s JSON: its columns, read by streaming over the JSON without building the
 * record (building it was most of the writer's work), and the JSON itself, kept as it came.
 *
 * @param userLogin the chatter's login in lower case, or null
 */
record StoredChatLine(String channelId, String messageId, ChatRecord.Kind kind, String userLogin, String text,
                      Instant sentAt, Instant receivedAt, String json) {

    /** The line, or null when {@code json} is not a chat record with an id, a channel and a known kind. */
    static StoredChatLine read(JsonMapper mapper, String json) {
        String channelId = null;
        String messageId = null;
        String kind = null;
        String login = null;
        String text = null;
        String sentAt = null;
        String receivedAt = null;
        try (JsonParser parser = mapper.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "channelId" -> channelId = parser.getValueAsString();
                    case "id" -> messageId = parser.getValueAsString();
                    case "kind" -> kind = parser.getValueAsString();
                    case "text" -> text = parser.getValueAsString();
                    case "sentAt" -> sentAt = parser.getValueAsString();
                    case "receivedAt" -> receivedAt = parser.getValueAsString();
                    case "user" -> login = value == JsonToken.START_OBJECT ? login(parser) : null;
                    default -> parser.skipChildren();
                }
            }
            if (channelId == null || messageId == null || kind == null) {
                return null;
            }
            return new StoredChatLine(channelId, messageId, ChatRecord.Kind.valueOf(kind), login, text,
                    sentAt == null ? null : Instant.parse(sentAt), receivedAt == null ? null : Instant.parse(receivedAt),
                    json);
        } catch (JacksonException | IllegalArgumentException | DateTimeParseException notAChatRecord) {
            return null;
        }
    }

    private static String login(JsonParser parser) {
        String login = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("login")) {
                login = parser.getValueAsString();
            } else {
                parser.skipChildren();
            }
        }
        return login == null ? null : login.toLowerCase();
    }
}
