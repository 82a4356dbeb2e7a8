package dev.stagehand.query.analytics;

import dev.stagehand.query.history.ChatHistoryOptOuts;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the chat analytics topology in every node (Kafka Streams shares the channels' partitions among them), with the
 * settings under {@code spring.kafka.streams} (exactly-once processing, the state directory under the node's data).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class ChatAnalyticsConfiguration {

    @Bean
    KStream<String, String> chatStatsTopology(StreamsBuilder builder, JsonMapper json, ChatHistoryOptOuts optOuts) {
        return ChatStatsTopology.addTo(builder, json, optOuts::chatters);
    }
}
