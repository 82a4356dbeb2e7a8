package dev.stagehand.query.highlight;

import dev.stagehand.api.kafka.Topics;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spike detection on the chat stream: {@link SpikeProcessor} (its state in a persistent store restored from its
 * changelog) → {@code stagehand.highlights.spikes}, keyed by channel like the chat, so nothing is repartitioned.
 */
final class SpikeTopology {

    private SpikeTopology() {
    }

    /** Adds spike detection on {@code chat} to {@code builder}; answers the stream of spikes it writes. */
    static KStream<String, String> addTo(StreamsBuilder builder, KStream<String, String> chat,
                                         Supplier<SpikeRules> rules, JsonMapper json) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SpikeProcessor.STORE),
                Serdes.String(), Serdes.String()));
        KStream<String, String> spikes = chat.process(() -> new SpikeProcessor(rules, json), SpikeProcessor.STORE);
        spikes.to(Topics.CHAT_SPIKES.name(), Produced.with(Serdes.String(), Serdes.String()));
        return spikes;
    }
}
