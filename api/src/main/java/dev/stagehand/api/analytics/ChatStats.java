package dev.stagehand.api.analytics;

import dev.stagehand.api.chat.ChatRecord.EmoteProvider;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A channel's chat in one tumbling window, as it travels on {@code stagehand.chat.stats}: written again, at most once a
 * second, while messages arrive in the window, so the last one written for a window is its final count.
 *
 * @param windowSeconds  the window's length (60 or 600)
 * @param messageCount   chat messages (not subs, raids or moderation) in the window so far
 * @param uniqueChatters how many different chatters wrote them
 * @param topEmotes      the most used emotes, most first, by occurrences
 * @param topChatters    the chatters who wrote the most, most first
 * @param lastUpdated    when these figures were computed
 */
public record ChatStats(int schemaVersion, String channelId, int windowSeconds, Instant windowStart, Instant windowEnd,
                        long messageCount, long uniqueChatters, List<TopEmote> topEmotes,
                        List<TopChatter> topChatters, Instant lastUpdated) {

    public static final int SCHEMA_VERSION = 1;

    public ChatStats {
        topEmotes = topEmotes == null ? List.of() : List.copyOf(topEmotes);
        topChatters = topChatters == null ? List.of() : List.copyOf(topChatters);
    }

    /** These figures with these chatters (logins, lower case) left out of the top chatters. */
    public ChatStats withoutChatters(Set<String> logins) {
        return new ChatStats(schemaVersion, channelId, windowSeconds, windowStart, windowEnd, messageCount,
                uniqueChatters, topEmotes, topChatters.stream().filter(chatter -> !logins.contains(chatter.login()))
                .toList(), lastUpdated);
    }

    public record TopEmote(EmoteProvider provider, String emoteId, String code, long count) {
    }

    public record TopChatter(String login, long count) {
    }
}
