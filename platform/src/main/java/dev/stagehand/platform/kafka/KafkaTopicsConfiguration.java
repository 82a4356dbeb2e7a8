package dev.stagehand.platform.kafka;

import dev.stagehand.api.kafka.Topic;
import dev.stagehand.api.kafka.Topics;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates every topic declared in {@link Topics} on start, with explicit partition counts (more are added later) and
 * its retention or compaction; a topic that exists is brought to the retention declared here.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics stagehandTopics(KafkaTopicProperties properties, KafkaAdmin admin) {
        // existing topics' configurations follow the declarations too (the admin applies them after start-up)
        admin.setModifyTopicConfigs(true);
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(topic -> TopicBuilder.name(topic.name())
                        .partitions(properties.partitions().getOrDefault(topic.name(), topic.defaultPartitions()))
                        .replicas(properties.replicationFactor())
                        .configs(keeping(topic))
                        .build())
                .toArray(NewTopic[]::new));
    }

    private static Map<String, String> keeping(Topic<?, ?> topic) {
        return topic.compacted()
                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                : Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retention().toMillis()));
    }
}
