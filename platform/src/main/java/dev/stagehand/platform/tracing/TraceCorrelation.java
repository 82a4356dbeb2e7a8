package dev.stagehand.platform.tracing;

import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon copies what its correlation data providers name into every message sent while one is handled: the events a
 * command applies, the commands and deadlines a saga sends. This one adds the {@code traceparent} of the handler's
 * span ({@link TracedHandlers}), so they continue its trace.
 */
@Configuration(proxyBeanMethods = false)
class TraceCorrelation {

    @Bean
    CorrelationDataProvider traceparentCorrelation(Traces traces) {
        return message -> {
            Map<String, String> current = traces.currentFields();
            return current.isEmpty() ? inherited(message) : current;
        };
    }

    /** Axon's own provider (correlation and trace ids), which it leaves out once any other is declared. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    private static Map<String, ?> inherited(Message<?> message) {
        Object traceparent = message.getMetaData().get(Traces.TRACEPARENT);
        return traceparent == null ? Map.of() : Map.of(Traces.TRACEPARENT, traceparent);
    }
}
