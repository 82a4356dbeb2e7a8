package dev.stagehand.query.analytics;

import dev.stagehand.api.kafka.Topics;
import dev.stagehand.query.chat.OptedOutChatters;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chat analytics as a Kafka Streams topology: {@code stagehand.chat.messages} → {@link ChatStatsProcessor}
 * (counters in a persistent store, restored from its changelog) → {@code stagehand.chat.stats}. Both topics are
 * keyed by channel, so one channel's counting happens in one task and nothing is repartitioned.
 */
final class ChatStatsTopology {

    private ChatStatsTopology() {
    }

    /** Adds the counting of {@code chat} to {@code builder}; answers the stream of stats it writes. */
    static KStream<String, String> addTo(StreamsBuilder builder, KStream<String, String> chat, JsonMapper json,
                                         Supplier<OptedOutChatters> optOuts) {
        // Cached: a busy window's counters change thousands of times a second, but reach RocksDB and the changelog
        // once per commit.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ChatStatsProcessor.STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        KStream<String, String> stats = chat.process(() -> new ChatStatsProcessor(json, optOuts),
                ChatStatsProcessor.STORE);
        stats.to(Topics.CHAT_STATS.name(), Produced.with(Serdes.String(), Serdes.String()));
        return stats;
    }
}
