package dev.stagehand.platform.kafka;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import reactor.core.publisher.Flux;
import reactor.kafka.receiver.KafkaReceiver;
import reactor.kafka.receiver.ReceiverOptions;

/**
 * A topic read live by one node for itself: every partition assigned (not balanced, so every node sees everything and
 * a browser gets the same whichever node it reaches), from the end (or a little before it), nothing committed. reactor-kafka stays behind
 * this class, so it can be replaced.
 */
public final class LiveTopic {

    private LiveTopic() {
    }

    /** The records written to {@code topic} from now on, with a key and a value. */
    public static Flux<ConsumerRecord<String, String>> fromEnd(KafkaConnectionDetails kafka, String topic) {
        return withRecent(kafka, topic, 0).map(LiveRecord::record);
    }

    /**
     * A record read live, and whether it was {@code written} before the reading began (one of the last few of its
     * partition then) or since.
     */
    public record LiveRecord(ConsumerRecord<String, String> record, boolean writtenBefore) {
    }

    /**
     * The last {@code recent} records of each partition of {@code topic}, then every record written from now on, with
     * a key and a value; read contiguously, so nothing written in between is missed.
     */
    public static Flux<LiveRecord> withRecent(KafkaConnectionDetails kafka, String topic, int recent) {
        Map<Integer, Long> ends = new ConcurrentHashMap<>();
        String servers = String.join(",", kafka.getBootstrapServers());
        ReceiverOptions<String, String> options = ReceiverOptions.<String, String>create(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                        // Partitions are assigned, not balanced: the group only names this node's reader.
                        ConsumerConfig.GROUP_ID_CONFIG, "stagehand-live-" + topic + "-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        // The kernel's auto-tuned buffer, not Kafka's fixed 64 KB: loopback segments are up to 64 KB,
                        // so a fixed buffer overflows whenever reading lags, and each dropped segment waits 200 ms
                        // for TCP to send it again (that was the p99 of overlay latency).
                        ConsumerConfig.RECEIVE_BUFFER_CONFIG, -1,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))
                .assignment(IntStream.range(0, partitions(servers, topic))
                        .mapToObj(partition -> new TopicPartition(topic, partition)).toList())
                .addAssignListener(partitions -> partitions.forEach(partition -> {
                    partition.seekToBeginning();
                    long beginning = partition.position();
                    partition.seekToEnd();
                    long end = partition.position();
                    ends.put(partition.topicPartition().partition(), end);
                    partition.seek(Math.max(beginning, end - recent));
                }));
        return KafkaReceiver.create(options).receive()
                .filter(record -> record.key() != null && record.value() != null)
                .map(record -> new LiveRecord(record, record.offset() < ends.getOrDefault(record.partition(), 0L)));
    }

    private static int partitions(String servers, String topic) {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", servers))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the partitions of " + topic, e);
        }
    }
}
