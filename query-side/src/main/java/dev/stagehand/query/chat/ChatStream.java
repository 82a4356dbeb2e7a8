package dev.stagehand.query.chat;

import dev.stagehand.api.kafka.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * The Kafka Streams application of every node (analytics and spike detection), reading {@code stagehand.chat.messages}
 * once for both; Kafka Streams shares the channels' partitions among the nodes. Its settings are under {@code
 * spring.kafka.streams} (exactly-once processing, the state directory under the node's data).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
public class ChatStream {

    private static final Logger log = LoggerFactory.getLogger(ChatStream.class);

    /**
     * A stopping node leaves the group at once, so that the others take its partitions over without waiting for its
     * session to time out; a stream thread that dies of an unexpected error is replaced rather than stopping the
     * application (what it had not committed is processed again).
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer chatStreamLifecycle() {
        return factory -> {
            factory.setLeaveGroupOnClose(true);
            factory.setStreamsUncaughtExceptionHandler(failure -> {
                log.error("A chat stream thread failed and is replaced", failure);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            });
        };
    }

    @Bean
    KStream<String, String> chatMessages(StreamsBuilder builder) {
        return source(builder);
    }

    /** The chat records as their JSON, keyed by channel id. */
    public static KStream<String, String> source(StreamsBuilder builder) {
        return builder.stream(Topics.CHAT_MESSAGES.name(), Consumed.with(Serdes.String(), Serdes.String()));
    }
}
