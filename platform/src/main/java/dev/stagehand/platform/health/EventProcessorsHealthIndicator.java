package dev.stagehand.platform.health;

import dev.stagehand.platform.axon.EventProcessors;
import dev.stagehand.platform.axon.ProcessorStatus;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** DOWN when a processor is stopped or failing: its read model is then falling behind. */
@Component
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessors processors;

    EventProcessorsHealthIndicator(EventProcessors processors) {
        super("Event processors could not be inspected");
        this.processors = processors;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up();
        for (ProcessorStatus status : processors.statuses()) {
            if (!status.running() || status.error()) {
                builder.down();
            }
            builder.withDetail(status.name(), new Summary(status.running(), status.replaying(), status.error(),
                    status.lag(), status.deadLetters()));
        }
    }

    record Summary(boolean running, boolean replaying, boolean error, Long lag, long deadLetters) {
    }
}
