package dev.stagehand.query.chat;

import dev.stagehand.api.kafka.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/**
 * The Kafka Streams application of every node (analytics and spike detection), reading {@code stagehand.chat.messages}
 * once for both; Kafka Streams shares the channels' partitions among the nodes. Its settings are under {@code
 * spring.kafka.streams} (exactly-once processing, the state directory under the node's data).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
public class ChatStream {

    @Bean
    KStream<String, String> chatMessages(StreamsBuilder builder) {
        return source(builder);
    }

    /** The chat records as their JSON, keyed by channel id. */
    public static KStream<String, String> source(StreamsBuilder builder) {
        return builder.stream(Topics.CHAT_MESSAGES.name(), Consumed.with(Serdes.String(), Serdes.String()));
    }
}
