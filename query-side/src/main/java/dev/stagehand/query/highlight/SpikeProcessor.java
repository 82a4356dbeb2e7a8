package dev.stagehand.query.highlight;

import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.query.chat.ChatLine;
import dev.stagehand.api.highlight.SpikeRule;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the {@link SpikeDetector} for every channel of its partitions, by the records' Kafka timestamps, and sends each
 * spike on. Each channel is watched with its own rule, read again every 10 seconds; a rule that reaches back further
 * or less far than the one before starts the channel's watch afresh. A channel's state lives in memory and is written to the store (and its changelog) whenever one of its
 * seconds ends, so a restarted or moved task carries on from the last second that ended; what the interrupted second
 * had counted is lost, which a spike rule can bear.
 */
class SpikeProcessor implements Processor<String, String, String, String> {

    static final String STORE = "chat-spike-state";

    private final Supplier<SpikeRules> readRules;
    private final JsonMapper json;
    private final Map<String, SpikeDetector.State> states = new HashMap<>();
    private final Map<SpikeRule, SpikeDetector> detectors = new HashMap<>();
    private SpikeRules rules;
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, String> stored;

    SpikeProcessor(Supplier<SpikeRules> rules, JsonMapper json) {
        this.readRules = rules;
        this.json = json;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.stored = context.getStateStore(STORE);
        rules = readRules.get();
        context.schedule(Duration.ofSeconds(10), PunctuationType.WALL_CLOCK_TIME, now -> rules = readRules.get());
    }

    @Override
    public void process(Record<String, String> consumed) {
        ChatLine line = consumed.value() == null ? null : ChatLine.read(json, consumed.value());
        if (line == null) {
            return;
        }
        SpikeDetector detector = detectors.computeIfAbsent(rules.of(line.channelId()), SpikeDetector::new);
        SpikeDetector.State state = states.get(line.channelId());
        if (state == null || !detector.fits(state)) {
            state = restore(line.channelId(), detector);
            states.put(line.channelId(), state);
        }
        long second = state.second;
        Instant at = Instant.ofEpochMilli(consumed.timestamp());
        Optional<ChatSpike> spike = switch (line.kind()) {
            case MESSAGE -> detector.message(line.channelId(), state, at, line.text());
            case RAID, GIFT_SUBSCRIPTION -> detector.burst(line.channelId(), state, at);
            default -> Optional.empty();
        };
        if (state.second != second || line.kind() != ChatRecord.Kind.MESSAGE) {
            stored.put(line.channelId(), json.writeValueAsString(state));
        }
        spike.ifPresent(found -> context.forward(new Record<>(found.channelId(), json.writeValueAsString(found),
                consumed.timestamp())));
    }

    private SpikeDetector.State restore(String channelId, SpikeDetector detector) {
        String kept = stored.get(channelId);
        if (kept != null) {
            try {
                SpikeDetector.State state = json.readValue(kept, SpikeDetector.State.class);
                if (detector.fits(state)) {
                    return state;
                }
            } catch (JacksonException unreadable) {
                // kept by another version: start afresh
            }
        }
        return detector.fresh();
    }
}
