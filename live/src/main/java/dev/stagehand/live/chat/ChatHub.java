package dev.stagehand.live.chat;

import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.platform.kafka.LiveReading;
import dev.stagehand.platform.kafka.LiveTopic;
import dev.stagehand.platform.tracing.Traces;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * This node's view of live chat: reads {@code stagehand.chat.messages} live ({@link LiveTopic}: every node sees
 * everything, so an overlay works on whichever node its browser reaches), keeps each channel's last messages for
 * overlays that just connected, and hands records to whoever listens. Records stay the JSON they arrived as, routed by
 * their key (the channel id): at tens of thousands a second, nothing is parsed or written again on the way to a
 * browser.
 */
@Component
public class ChatHub extends LiveReading {

    static final int RECENT = 50;
    private static final Logger log = LoggerFactory.getLogger(ChatHub.class);

    private final KafkaConnectionDetails kafka;

    /** A chat record as JSON, with the channel it belongs to and the {@code traceparent} it was written with. */
    public record LiveRecord(String channelId, String json, String traceparent) {
    }

    private final Sinks.Many<LiveRecord> live = Sinks.many().multicast().directBestEffort();
    private final Map<String, Deque<LiveRecord>> recent = new ConcurrentHashMap<>();

    ChatHub(KafkaConnectionDetails kafka) {
        this.kafka = kafka;
    }

    /**
     * The channel's last messages, then its live chat, each as its {@link ChatRecord} JSON, with none lost or repeated
     * in between; a slow listener misses records rather than slowing others.
     */
    public Flux<LiveRecord> channel(String channelId) {
        return Flux.defer(() -> {
            Deque<LiveRecord> kept = recent.computeIfAbsent(channelId, id -> new ArrayDeque<>());
            List<LiveRecord> earlier;
            Flux<LiveRecord> following;
            AtomicReference<Disposable> connection = new AtomicReference<>();
            // accept() keeps and emits a channel's records under this same lock: each is either in the snapshot or
            // reaches the listener connected here, never neither (a browser source saying hello at once) nor both.
            synchronized (kept) {
                following = live.asFlux().filter(record -> record.channelId().equals(channelId))
                        .publish().autoConnect(0, connection::set);
                earlier = List.copyOf(kept);
            }
            return Flux.fromIterable(earlier).concatWith(following)
                    .doFinally(signal -> connection.get().dispose());
        });
    }

    private void accept(LiveRecord record) {
        Deque<LiveRecord> kept = recent.computeIfAbsent(record.channelId(), id -> new ArrayDeque<>());
        synchronized (kept) {
            kept.addLast(record);
            if (kept.size() > RECENT) {
                kept.removeFirst();
            }
            live.tryEmitNext(record);
        }
    }

    private static String traceparent(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(Traces.TRACEPARENT);
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    @Override
    protected Disposable read() {
        return LiveTopic.fromEnd(kafka, Topics.CHAT_MESSAGES.name())
                .doOnNext(record -> accept(new LiveRecord(record.key(), record.value(), traceparent(record))))
                .doOnError(error -> log.warn("Live chat reading failed, starting again: {}", error.toString()))
                .retry()
                .subscribe();
    }
}
