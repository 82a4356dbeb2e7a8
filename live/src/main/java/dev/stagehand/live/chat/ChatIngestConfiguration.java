package dev.stagehand.live.chat;

import dev.stagehand.api.chat.ChatLoads;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Which readers of the chat wait while Twitch chat comes in ({@link ChatIngestFirst}), least urgent first: the history
 * (stored a little later, nothing lost), then the chat stream application (analytics and spike detection).
 */
@Configuration(proxyBeanMethods = false)
class ChatIngestConfiguration {

    /** The listener id of the history writer. */
    static final String HISTORY = "chat-history";

    @Bean
    ChatIngestFirst chatIngestFirst(ChatLoads chat, KafkaListenerEndpointRegistry listeners,
                                    StreamsBuilderFactoryBean chatStream, MeterRegistry meters) {
        return new ChatIngestFirst(chat, readers(listeners, chatStream), meters, System::nanoTime);
    }

    /** The readers that wait, least urgent first. */
    static List<PausableReader> readers(KafkaListenerEndpointRegistry listeners, StreamsBuilderFactoryBean chatStream) {
        Consumer<Consumer<MessageListenerContainer>> history = action ->
                Optional.ofNullable(listeners.getListenerContainer(HISTORY)).ifPresent(action);
        Consumer<Consumer<KafkaStreams>> analytics = action ->
                Optional.ofNullable(chatStream.getKafkaStreams()).ifPresent(action);
        return List.of(
                new PausableReader("chat history", () -> history.accept(MessageListenerContainer::pause),
                        () -> history.accept(MessageListenerContainer::resume)),
                new PausableReader("chat analytics and spike detection", () -> analytics.accept(KafkaStreams::pause),
                        () -> analytics.accept(KafkaStreams::resume)));
    }
}
