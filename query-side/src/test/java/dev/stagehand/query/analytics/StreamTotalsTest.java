package dev.stagehand.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.analytics.ChatStats;
import dev.stagehand.api.analytics.ChatStats.TopChatter;
import dev.stagehand.api.analytics.ChatStats.TopEmote;
import dev.stagehand.api.analytics.StreamChatStats;
import dev.stagehand.api.chat.ChatRecord.EmoteProvider;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StreamTotalsTest {

    private static final Instant START = Instant.parse("2026-12-03T18:00:00Z");

    private static ChatStats minute(int index, long messages, List<TopEmote> emotes, List<TopChatter> chatters) {
        Instant start = START.plusSeconds(60L * index);
        return new ChatStats(ChatStats.SCHEMA_VERSION, "100", 60, start, start.plusSeconds(60), messages, 3, emotes,
                chatters, start.plusSeconds(60));
    }

    private static TopEmote kekw(long count) {
        return new TopEmote(EmoteProvider.BTTV, "e1", "KEKW", count);
    }

    @Test
    void aStreamAddsUpItsMinutes() {
        StreamChatStats stream = StreamTotals.of("100", START, List.of(
                minute(0, 40, List.of(kekw(5)), List.of(new TopChatter("sam", 10), new TopChatter("ada", 8))),
                minute(1, 60, List.of(kekw(7), new TopEmote(EmoteProvider.TWITCH, "25", "Kappa", 9)),
                        List.of(new TopChatter("ada", 20)))));

        assertThat(stream.messageCount()).isEqualTo(100);
        assertThat(stream.topEmotes()).containsExactly(kekw(12), new TopEmote(EmoteProvider.TWITCH, "25", "Kappa", 9));
        assertThat(stream.topChatters()).containsExactly(new TopChatter("ada", 28), new TopChatter("sam", 10));
    }

    @Test
    void onlyTheTopTenAreKeptTiesByName() {
        List<TopChatter> many = IntStream.range(0, 15).mapToObj(i -> new TopChatter("chatter" + (char) ('a' + i), 1))
                .toList();
        StreamChatStats stream = StreamTotals.of("100", START, List.of(minute(0, 15, List.of(), many)));

        assertThat(stream.topChatters()).hasSize(10).first().isEqualTo(new TopChatter("chattera", 1));
    }

    @Test
    void aStreamWithoutChatHasNothing() {
        StreamChatStats stream = StreamTotals.of("100", START, List.of());

        assertThat(stream.messageCount()).isZero();
        assertThat(stream.topEmotes()).isEmpty();
        assertThat(stream.topChatters()).isEmpty();
    }
}
