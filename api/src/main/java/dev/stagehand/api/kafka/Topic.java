package dev.stagehand.api.kafka;

import java.time.Duration;

/**
 * A Kafka topic with the types of its keys and values. Every topic is declared once, in {@link Topics}, and has a
 * single writer.
 *
 * @param defaultPartitions partitions when the topic is created, unless configured otherwise per deployment
 * @param compacted         whether Kafka keeps only the latest record of each key (and no time limit)
 * @param retention         how long Kafka keeps records otherwise; null for compacted topics
 */
public record Topic<K, V>(String name, Class<K> keyType, Class<V> valueType, int defaultPartitions, boolean compacted,
                          Duration retention) {

    /** A topic whose records Kafka deletes once they are {@code retention} old. */
    public static <K, V> Topic<K, V> kept(String name, Class<K> keyType, Class<V> valueType, int partitions,
                                          Duration retention) {
        return new Topic<>(name, keyType, valueType, partitions, false, retention);
    }

    /** A topic of which Kafka keeps the latest record of each key. */
    public static <K, V> Topic<K, V> compacted(String name, Class<K> keyType, Class<V> valueType, int partitions) {
        return new Topic<>(name, keyType, valueType, partitions, true, null);
    }
}
