package dev.stagehand.query.analytics;

import dev.stagehand.api.analytics.ChatStats;
import dev.stagehand.api.analytics.ChatStats.TopChatter;
import dev.stagehand.api.analytics.ChatStats.TopEmote;
import dev.stagehand.api.analytics.StreamChatStats;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sums windows of a channel's chat into the figures of its stream. */
final class StreamTotals {

    static final int TOP = 10;

    private StreamTotals() {
    }

    static StreamChatStats of(String channelId, Instant since, List<ChatStats> windows) {
        long messages = 0;
        Map<TopEmote, Long> emotes = new LinkedHashMap<>();
        Map<String, Long> chatters = new LinkedHashMap<>();
        for (ChatStats window : windows) {
            messages += window.messageCount();
            window.topEmotes().forEach(emote -> emotes.merge(new TopEmote(emote.provider(), emote.emoteId(),
                    emote.code(), 0), emote.count(), Long::sum));
            window.topChatters().forEach(chatter -> chatters.merge(chatter.login(), chatter.count(), Long::sum));
        }
        List<TopEmote> topEmotes = emotes.entrySet().stream()
                .map(entry -> new TopEmote(entry.getKey().provider(), entry.getKey().emoteId(), entry.getKey().code(),
                        entry.getValue()))
                .sorted(Comparator.comparingLong(TopEmote::count).reversed().thenComparing(TopEmote::code))
                .limit(TOP).toList();
        List<TopChatter> topChatters = chatters.entrySet().stream()
                .map(entry -> new TopChatter(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(TopChatter::count).reversed().thenComparing(TopChatter::login))
                .limit(TOP).toList();
        return new StreamChatStats(channelId, since, messages, topEmotes, topChatters);
    }
}
