package dev.stagehand.api.kafka;

/**
 * A Kafka topic with the types of its keys and values. Every topic is declared once, in {@link Topics}, and has a
 * single writer.
 *
 * @param defaultPartitions partitions when the topic is created, unless configured otherwise per deployment
 */
public record Topic<K, V>(String name, Class<K> keyType, Class<V> valueType, int defaultPartitions) {
}
