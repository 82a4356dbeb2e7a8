package dev.stagehand.query.chat;

import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.chat.ChatRecord.EmoteProvider;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the query side reads of a {@link ChatRecord}'s JSON, read by streaming over it without building the record
 * (building it was most of the work of the consumers of {@code stagehand.chat.messages}), and the JSON itself, kept
 * as it came.
 *
 * @param userLogin the chatter's login in lower case, or null
 */
public record ChatLine(String channelId, String messageId, ChatRecord.Kind kind, String userId, String userLogin,
                       String text, List<Emote> emotes, Instant sentAt, Instant receivedAt, String json) {

    /** An emote in the line, by provider, id and code. */
    public record Emote(EmoteProvider provider, String emoteId, String code) {
    }

    /** The line, or null when {@code json} is not a chat record with an id, a channel and a known kind. */
    public static ChatLine read(JsonMapper mapper, String json) {
        String channelId = null;
        String messageId = null;
        String kind = null;
        String[] user = {null, null};
        String text = null;
        List<Emote> emotes = List.of();
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
                    case "user" -> user = value == JsonToken.START_OBJECT ? user(parser) : new String[] {null, null};
                    case "emotes" -> emotes = value == JsonToken.START_ARRAY ? emotes(parser) : List.of();
                    default -> parser.skipChildren();
                }
            }
            if (channelId == null || messageId == null || kind == null) {
                return null;
            }
            return new ChatLine(channelId, messageId, ChatRecord.Kind.valueOf(kind), user[0], user[1], text, emotes,
                    instant(sentAt), instant(receivedAt), json);
        } catch (JacksonException | IllegalArgumentException | NullPointerException | DateTimeParseException bad) {
            return null;
        }
    }

    private static Instant instant(String text) {
        return text == null ? null : UtcInstants.parse(text);
    }

    /** The chatter's id and login (lower case). */
    private static String[] user(JsonParser parser) {
        String[] user = {null, null};
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "id" -> user[0] = parser.getValueAsString();
                case "login" -> user[1] = parser.getValueAsString() == null ? null
                        : parser.getValueAsString().toLowerCase();
                default -> parser.skipChildren();
            }
        }
        return user;
    }

    private static List<Emote> emotes(JsonParser parser) {
        List<Emote> emotes = new ArrayList<>(2);
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String provider = null;
            String id = null;
            String code = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "provider" -> provider = parser.getValueAsString();
                    case "emoteId" -> id = parser.getValueAsString();
                    case "code" -> code = parser.getValueAsString();
                    default -> parser.skipChildren();
                }
            }
            emotes.add(new Emote(EmoteProvider.valueOf(provider), id, code));
        }
        return emotes;
    }
}
