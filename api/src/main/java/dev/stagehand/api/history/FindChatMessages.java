package dev.stagehand.api.history;

import java.time.Instant;

/**
 * Answered with a {@link ChatMessagePage}: a channel's stored chat, newest first (oldest first for a replay).
 *
 * @param from   earliest {@code sentAt} included, or null for the oldest kept
 * @param to     latest {@code sentAt} excluded, or null for now
 * @param user   only this chatter's lines (Twitch login, any case), or null
 * @param words  only lines containing every one of these words, or null
 * @param limit  at most this many records
 * @param cursor the previous page's {@link ChatMessagePage#next()}, or null for the first page
 */
public record FindChatMessages(String channelId, Instant from, Instant to, String user, String words, int limit,
                               HistoryCursor cursor, boolean oldestFirst) {

    /** A search, newest first. */
    public static FindChatMessages search(String channelId, Instant from, Instant to, String user, String words,
                                          int limit, HistoryCursor cursor) {
        return new FindChatMessages(channelId, from, to, user, words, limit, cursor, false);
    }

    /** Everything said in [from, to), oldest first, to be played again. */
    public static FindChatMessages replay(String channelId, Instant from, Instant to, int limit) {
        return new FindChatMessages(channelId, from, to, null, null, limit, null, true);
    }

    /** The same search, from where {@code next} says the previous page ended. */
    public FindChatMessages after(HistoryCursor next) {
        return new FindChatMessages(channelId, from, to, user, words, limit, next, oldestFirst);
    }
}
