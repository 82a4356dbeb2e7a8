package dev.stagehand.sagas.highlight;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** How clip requests end: {@code stagehand.clips{outcome=created|failed}}. */
@Component
public class ClipMetrics {

    private final Counter created;
    private final Counter failed;

    public ClipMetrics(MeterRegistry registry) {
        this.created = outcome(registry, "created");
        this.failed = outcome(registry, "failed");
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("stagehand.clips").tag("outcome", outcome)
                .description("Clip requests for chat spikes, by how they ended").register(registry);
    }

    void created() {
        created.increment();
    }

    void failed() {
        failed.increment();
    }
}
