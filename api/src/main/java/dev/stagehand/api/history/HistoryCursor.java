package dev.stagehand.api.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of chat history ended: the last record's time and id (records are ordered by both). Travels as an
 * opaque URL-safe token.
 */
public record HistoryCursor(Instant sentAt, String messageId) {

    public String token() {
        String plain = sentAt + "|" + messageId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a token stands for; {@link IllegalArgumentException} when it is not one. */
    public static HistoryCursor of(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            return new HistoryCursor(Instant.parse(plain.substring(0, bar)), plain.substring(bar + 1));
        } catch (RuntimeException notACursor) {
            throw new IllegalArgumentException("'" + token + "' is not a cursor this API gave out", notACursor);
        }
    }
}
