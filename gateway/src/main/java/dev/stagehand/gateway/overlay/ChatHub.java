package dev.stagehand.gateway.overlay;

import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.kafka.Topics;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.kafka.receiver.KafkaReceiver;
import reactor.kafka.receiver.ReceiverOptions;

/**
 * This node's view of live chat: reads every partition of {@code stagehand.chat.messages} from its end (assigned, not
 * balanced, so every node sees everything and an overlay works on whichever node its browser reaches), keeps each
 * channel's last messages for overlays that just connected, and hands records to whoever listens. Records stay the
 * JSON they arrived as, routed by their key (the channel id): at tens of thousands a second, nothing is parsed or
 * written again on the way to a browser. reactor-kafka stays behind this class, so it can be replaced.
 */
@Component
class ChatHub implements SmartLifecycle {

    static final int RECENT = 50;
    private static final Logger log = LoggerFactory.getLogger(ChatHub.class);

    private final KafkaConnectionDetails kafka;
    /** A chat record as JSON, with the channel it belongs to. */
    record LiveRecord(String channelId, String json) {
    }

    private final Sinks.Many<LiveRecord> live = Sinks.many().multicast().directBestEffort();
    private final Map<String, Deque<LiveRecord>> recent = new ConcurrentHashMap<>();
    private volatile Disposable consuming;

    ChatHub(KafkaConnectionDetails kafka) {
        this.kafka = kafka;
    }

    /**
     * The channel's last messages, then its live chat, each as its {@link ChatRecord} JSON, with none lost or repeated
     * in between; a slow listener misses records rather than slowing others.
     */
    Flux<String> channel(String channelId) {
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
            return Flux.fromIterable(earlier).concatWith(following).map(LiveRecord::json)
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

    @Override
    public void start() {
        String topic = Topics.CHAT_MESSAGES.name();
        ReceiverOptions<String, String> options = ReceiverOptions.<String, String>create(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()),
                        // Partitions are assigned, not balanced: the group only names this node's reader.
                        ConsumerConfig.GROUP_ID_CONFIG, "stagehand-live-chat-" + java.util.UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        // The kernel's auto-tuned buffer, not Kafka's fixed 64 KB: loopback segments are up to 64 KB,
                        // so a fixed buffer overflows whenever reading lags, and each dropped segment waits 200 ms
                        // for TCP to send it again (that was the p99 of overlay latency).
                        ConsumerConfig.RECEIVE_BUFFER_CONFIG, -1,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))
                .assignment(java.util.stream.IntStream.range(0, partitions(topic))
                        .mapToObj(partition -> new TopicPartition(topic, partition)).toList())
                .addAssignListener(partitions -> partitions.forEach(partition -> partition.seekToEnd()));
        consuming = KafkaReceiver.create(options).receive()
                .filter(record -> record.key() != null && record.value() != null)
                .doOnNext(record -> accept(new LiveRecord(record.key(), record.value())))
                .doOnError(error -> log.warn("Live chat reading failed, starting again: {}", error.toString()))
                .retry()
                .subscribe();
    }

    private int partitions(String topic) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.<String, Object>of(
                "bootstrap.servers", String.join(",", kafka.getBootstrapServers())))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the partitions of " + topic, e);
        }
    }

    @Override
    public void stop() {
        if (consuming != null) {
            consuming.dispose();
            consuming = null;
        }
    }

    @Override
    public boolean isRunning() {
        return consuming != null;
    }
}
