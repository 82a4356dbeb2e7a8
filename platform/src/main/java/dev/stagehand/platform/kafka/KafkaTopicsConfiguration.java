package dev.stagehand.platform.kafka;

import dev.stagehand.api.kafka.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Creates every topic declared in {@link Topics} on start, with explicit partition counts (more are added later). */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics stagehandTopics(KafkaTopicProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(topic -> TopicBuilder.name(topic.name())
                        .partitions(properties.partitions().getOrDefault(topic.name(), topic.defaultPartitions()))
                        .replicas(properties.replicationFactor())
                        .build())
                .toArray(NewTopic[]::new));
    }
}
