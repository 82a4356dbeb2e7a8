package dev.stagehand.platform.kafka;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Stagehand's topics are created: partitions per topic name (default: the topic's declared count) and the
 * replication factor (1 for the embedded broker; 3 on a real cluster).
 */
@ConfigurationProperties("stagehand.kafka")
record KafkaTopicProperties(@DefaultValue("1") short replicationFactor, Map<String, Integer> partitions) {

    KafkaTopicProperties {
        partitions = partitions == null ? Map.of() : Map.copyOf(partitions);
    }
}
