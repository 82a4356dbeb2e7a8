package dev.stagehand.query.highlight;

import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.kafka.Topics;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spike detection on the chat stream: {@link SpikeProcessor} (its state in a persistent store restored from its
 * changelog) → {@code stagehand.highlights.spikes} and {@code stagehand.highlights.warm-ups}, keyed by channel like
 * the chat, so nothing is repartitioned.
 */
final class SpikeTopology {

    private SpikeTopology() {
    }

    /** Adds spike detection on {@code chat} to {@code builder}; answers the stream of spikes it writes. */
    static KStream<String, String> addTo(StreamsBuilder builder, KStream<String, String> chat,
                                         Supplier<SpikeRules> rules, JsonMapper json) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SpikeProcessor.STORE),
                Serdes.String(), Serdes.String()));
        Map<String, KStream<String, Object>> detected = chat.process(() -> new SpikeProcessor(rules, json),
                        SpikeProcessor.STORE)
                .split(Named.as("detected-"))
                .branch((channelId, found) -> found instanceof ChatSpike, Branched.as("spikes"))
                .defaultBranch(Branched.as("warm-ups"));
        KStream<String, String> spikes = detected.get("detected-spikes").mapValues(json::writeValueAsString);
        spikes.to(Topics.CHAT_SPIKES.name(), Produced.with(Serdes.String(), Serdes.String()));
        detected.get("detected-warm-ups").mapValues(json::writeValueAsString)
                .to(Topics.SPIKE_WARM_UPS.name(), Produced.with(Serdes.String(), Serdes.String()));
        return spikes;
    }
}
