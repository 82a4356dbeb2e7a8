package dev.stagehand.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.kafka.Topics;
import dev.stagehand.gateway.IntegrationTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;

class KafkaTopicsTest extends IntegrationTest {

    @Autowired
    private KafkaAdmin kafkaAdmin;

    @Test
    void everyDeclaredTopicExistsWithItsPartitions() throws Exception {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            for (var topic : Topics.ALL) {
                TopicDescription description = admin.describeTopics(List.of(topic.name())).allTopicNames()
                        .get(10, TimeUnit.SECONDS).get(topic.name());
                assertThat(description.partitions()).hasSize(topic.defaultPartitions());
            }
        }
    }
}
