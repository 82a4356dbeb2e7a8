package dev.stagehand.platform.kafka;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How Stagehand's Kafka listeners fail: a listener throws only when what it writes to is unavailable (records it
 * cannot read it handles itself: the chat history writer sets them aside on {@code stagehand.chat.dead-letters}; the
 * other listeners read topics only Stagehand's stream processor writes), so the same records are tried again, waiting
 * twice as long each time up to a minute, for as long as it takes. Nothing is skipped, so nothing is lost.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfiguration {

    @Bean
    CommonErrorHandler retryUntilStored() {
        ExponentialBackOff backOff = new ExponentialBackOff(Duration.ofSeconds(1).toMillis(), 2.0);
        backOff.setMaxInterval(Duration.ofMinutes(1).toMillis());
        return new DefaultErrorHandler(backOff);
    }
}
