package dev.stagehand.query.analytics;

import dev.stagehand.api.analytics.ChatStats;
import dev.stagehand.api.analytics.ChatStats.TopChatter;
import dev.stagehand.api.analytics.ChatStats.TopEmote;
import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.chat.ChatRecord.EmoteProvider;
import dev.stagehand.query.chat.ChatLine;
import dev.stagehand.query.chat.OptedOutChatters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts each channel's chat in tumbling windows of one and ten minutes (by the records' Kafka timestamps): messages,
 * messages per chatter and occurrences per emote, one counter each in a state store, so that a message costs a few
 * increments however busy the channel; chatters who opted out are not counted at all. Every second, the windows that
 * changed are summed up (counts, unique chatters, the top ten emotes and chatters) and sent on as {@link ChatStats}.
 * Windows are forgotten once they are well past; a record that late is not counted.
 *
 * <p>Store keys: {@code <seconds, 3 digits>|<window start, epoch ms>|<channel>|} followed by {@code #} (messages),
 * {@code u} (unique chatters), {@code c|<login>} or {@code e|<provider>:<id>:<code>}.
 */
class ChatStatsProcessor implements Processor<String, String, String, String> {

    static final String STORE = "chat-stats-counts";
    static final int TOP = 10;
    /** Window lengths, in seconds, with how long each is kept after it ends. */
    private static final List<Window> WINDOWS = List.of(new Window(60, Duration.ofMinutes(10)),
            new Window(600, Duration.ofHours(1)));

    private record Window(int seconds, Duration kept, String prefix) {

        Window(int seconds, Duration kept) {
            this(seconds, kept, String.format("%03d|", seconds));
        }
    }

    private final JsonMapper json;
    private final Supplier<OptedOutChatters> optOuts;
    private final Set<String> changed = new LinkedHashSet<>();
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, Long> counts;
    private OptedOutChatters optedOut = OptedOutChatters.NONE;

    ChatStatsProcessor(JsonMapper json, Supplier<OptedOutChatters> optOuts) {
        this.json = json;
        this.optOuts = optOuts;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.counts = context.getStateStore(STORE);
        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, now -> publishChanged());
        context.schedule(Duration.ofSeconds(10), PunctuationType.WALL_CLOCK_TIME, now -> forgetPast());
        optedOut = optOuts.get();
        context.schedule(Duration.ofSeconds(10), PunctuationType.WALL_CLOCK_TIME, now -> optedOut = optOuts.get());
    }

    @Override
    public void process(Record<String, String> consumed) {
        ChatLine line = consumed.value() == null ? null : ChatLine.read(json, consumed.value());
        if (line == null || line.kind() != ChatRecord.Kind.MESSAGE || line.userLogin() == null
                || line.userId() != null && optedOut.ids().contains(line.userId())) {
            return;
        }
        long at = consumed.timestamp();
        for (Window window : WINDOWS) {
            long length = window.seconds() * 1000L;
            long start = at - Math.floorMod(at, length);
            if (start + length + window.kept().toMillis() < context.currentStreamTimeMs()) {
                continue;
            }
            // Milliseconds since the epoch have 13 digits from 2001 to 2286, so keys order by time as text.
            String base = window.prefix() + start + "|" + line.channelId() + "|";
            increment(base + "#");
            if (increment(base + "c|" + line.userLogin()) == 1) {
                increment(base + "u");
            }
            for (ChatLine.Emote emote : line.emotes()) {
                increment(base + "e|" + emote.provider() + ":" + emote.emoteId() + ":" + emote.code());
            }
            changed.add(base);
        }
    }

    private long increment(String key) {
        Long count = counts.get(key);
        long next = count == null ? 1 : count + 1;
        counts.put(key, next);
        return next;
    }

    private void publishChanged() {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        for (String base : changed) {
            ChatStats stats = summary(base, now);
            context.forward(new Record<>(stats.channelId(), json.writeValueAsString(stats), now.toEpochMilli()));
        }
        changed.clear();
    }

    private ChatStats summary(String base, Instant now) {
        String[] parts = base.split("\\|", 4);
        int seconds = Integer.parseInt(parts[0]);
        Instant start = Instant.ofEpochMilli(Long.parseLong(parts[1]));
        List<TopEmote> emotes = top(base + "e|", Set.of()).stream().map(ranked -> {
            String[] emote = ranked.key.split(":", 3);
            return new TopEmote(EmoteProvider.valueOf(emote[0]), emote[1], emote[2], ranked.value);
        }).toList();
        List<TopChatter> chatters = top(base + "c|", optedOut.logins()).stream()
                .map(ranked -> new TopChatter(ranked.key, ranked.value)).toList();
        return new ChatStats(ChatStats.SCHEMA_VERSION, parts[2], seconds, start, start.plusSeconds(seconds),
                count(base + "#"), count(base + "u"), emotes, chatters, now);
    }

    private long count(String key) {
        Long count = counts.get(key);
        return count == null ? 0 : count;
    }

    /**
     * The {@link #TOP} counters under {@code prefix}, highest first (ties by name), keyed by what follows it, leaving
     * out those names.
     */
    private List<KeyValue<String, Long>> top(String prefix, Set<String> leftOut) {
        List<KeyValue<String, Long>> all = new ArrayList<>();
        try (KeyValueIterator<String, Long> found = counts.prefixScan(prefix, new StringSerializer())) {
            found.forEachRemaining(all::add);
        }
        return all.stream()
                .sorted(Comparator.<KeyValue<String, Long>>comparingLong(entry -> -entry.value)
                        .thenComparing(entry -> entry.key))
                .map(entry -> KeyValue.pair(entry.key.substring(prefix.length()), entry.value))
                .filter(entry -> !leftOut.contains(entry.key))
                .limit(TOP)
                .toList();
    }

    private void forgetPast() {
        long now = context.currentStreamTimeMs();
        for (Window window : WINDOWS) {
            long oldestKept = now - window.kept().toMillis() - window.seconds() * 1000L;
            if (oldestKept <= 0) {
                continue;
            }
            List<String> past = new ArrayList<>();
            try (KeyValueIterator<String, Long> found = counts.range(window.prefix(), window.prefix() + oldestKept)) {
                found.forEachRemaining(entry -> past.add(entry.key));
            }
            past.forEach(counts::delete);
        }
    }
}
