package dev.stagehand.query.highlight;

import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.DetectorWarmUp;
import dev.stagehand.api.highlight.SpikeRule;
import dev.stagehand.query.chat.ChatLine;
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
 * spike on. A second ends when a later message of its channel arrives or, while this task keeps up with the chat, on
 * the clock ({@value #GRACE_MILLIS} ms after it, checked every {@value #CLOCK_MILLIS} ms): a burst that is a
 * channel's last chat is still detected within two seconds. While the task is behind (paused, catching up), only the
 * records end seconds, so a backlog is not taken for silence. Each channel is watched with its own rule, read again
 * every 10 seconds; a rule that reaches back further or less far than the one before starts the channel's watch
 * afresh. A channel's state lives in memory and is written to the store (and its changelog) whenever one of its
 * seconds ends, so a restarted or moved task carries on from the last second that ended; what the interrupted second
 * had counted is lost, which a spike rule can bear. Besides spikes ({@link ChatSpike}) it sends each channel's
 * {@link DetectorWarmUp} whenever a counted message shows that its watch began afresh (and once per channel after a
 * restart).
 */
class SpikeProcessor implements Processor<String, String, String, Object> {

    static final String STORE = "chat-spike-state";
    static final long CLOCK_MILLIS = 250;
    static final long GRACE_MILLIS = 500;
    /** A task whose last record was at most this old when processed keeps up with the chat. */
    private static final long KEEPING_UP_MILLIS = 2000;

    private final Supplier<SpikeRules> readRules;
    private final JsonMapper json;
    private final Map<String, SpikeDetector.State> states = new HashMap<>();
    private final Map<SpikeRule, SpikeDetector> detectors = new HashMap<>();
    /** The second each channel's watch began, as last sent on. */
    private final Map<String, Long> announced = new HashMap<>();
    private SpikeRules rules;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, String> stored;
    private boolean keepingUp;

    SpikeProcessor(Supplier<SpikeRules> rules, JsonMapper json) {
        this.readRules = rules;
        this.json = json;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.stored = context.getStateStore(STORE);
        rules = readRules.get();
        context.schedule(Duration.ofSeconds(10), PunctuationType.WALL_CLOCK_TIME, now -> rules = readRules.get());
        context.schedule(Duration.ofMillis(CLOCK_MILLIS), PunctuationType.WALL_CLOCK_TIME, this::endSeconds);
    }

    /** The clock ends the seconds no message ended, in every channel this task watches, while it keeps up. */
    private void endSeconds(long now) {
        if (!keepingUp) {
            return;
        }
        Instant until = Instant.ofEpochMilli(now - GRACE_MILLIS);
        states.forEach((channelId, state) -> {
            SpikeDetector detector = detectors.computeIfAbsent(rules.of(channelId), SpikeDetector::new);
            if (detector.fits(state)) {
                // Only a spike is worth a store write here: seconds the clock ends hold nothing but silence, and a
                // restarted task ends them again when its next record of the channel arrives.
                detector.until(channelId, state, until).ifPresent(found -> {
                    stored.put(channelId, json.writeValueAsString(state));
                    forward(found, now);
                });
            }
        });
    }

    private void forward(ChatSpike spike, long timestamp) {
        context.forward(new Record<>(spike.channelId(), spike, timestamp));
    }

    private void announceWarmUp(String channelId, SpikeDetector detector, SpikeDetector.State state, long timestamp) {
        long since = detector.watchedSince(state);
        Long before = announced.put(channelId, since);
        if (before == null || before != since) {
            context.forward(new Record<>(channelId, new DetectorWarmUp(channelId, Instant.ofEpochSecond(since),
                    detector.warmAt(since)), timestamp));
        }
    }

    @Override
    public void process(Record<String, String> consumed) {
        keepingUp = context.currentSystemTimeMs() - consumed.timestamp() <= KEEPING_UP_MILLIS;
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
        spike.ifPresent(found -> forward(found, consumed.timestamp()));
        if (line.kind() == ChatRecord.Kind.MESSAGE && state.lastHeard == state.second) {
            announceWarmUp(line.channelId(), detector, state, consumed.timestamp());
        }
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
