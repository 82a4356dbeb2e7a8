package dev.stagehand.platform.metrics;

import dev.stagehand.platform.axon.EventProcessors;
import dev.stagehand.platform.axon.ProcessorStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each event processor's lag behind the event store's head ({@code stagehand.processor.lag}, events, as this node sees
 * its own segments) and dead letters ({@code stagehand.processor.dead.letters}). One reading of every processor serves
 * a whole scrape (it is kept for a second).
 */
@Component
class EventProcessorMetrics {

    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final EventProcessors processors;
    private final MeterRegistry registry;
    private Map<String, ProcessorStatus> last = Map.of();
    private Instant readAt = Instant.MIN;

    EventProcessorMetrics(EventProcessors processors, MeterRegistry registry) {
        this.processors = processors;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (ProcessorStatus processor : processors.statuses()) {
            String name = processor.name();
            Gauge.builder("stagehand.processor.lag", () -> lag(name)).tag("processor", name)
                    .description("Events the processor's segments on this node are behind the event store's head")
                    .register(registry);
            Gauge.builder("stagehand.processor.dead.letters", () -> status(name).deadLetters())
                    .tag("processor", name).description("Events the processor could not handle, kept for a retry")
                    .register(registry);
        }
    }

    private double lag(String name) {
        Long lag = status(name).lag();
        return lag == null ? Double.NaN : lag;
    }

    private synchronized ProcessorStatus status(String name) {
        Instant now = Instant.now();
        if (Duration.between(readAt, now).compareTo(FRESH_FOR) > 0) {
            List<ProcessorStatus> statuses = processors.statuses();
            last = statuses.stream().collect(Collectors.toMap(ProcessorStatus::name, status -> status));
            readAt = now;
        }
        return last.get(name);
    }
}
