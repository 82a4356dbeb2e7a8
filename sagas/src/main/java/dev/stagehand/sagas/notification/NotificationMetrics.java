package dev.stagehand.sagas.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Go-live deliveries: each attempt's outcome ({@code stagehand.notifications.attempts{outcome=delivered|retried|failed}})
 * and how long after the stream's start Discord had the message ({@code stagehand.notifications.latency}).
 */
@Component
public class NotificationMetrics {

    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;
    private final Timer latency;

    public NotificationMetrics(MeterRegistry registry) {
        this.delivered = attempts(registry, "delivered");
        this.retried = attempts(registry, "retried");
        this.failed = attempts(registry, "failed");
        this.latency = Timer.builder("stagehand.notifications.latency")
                .description("From a stream's start to Discord accepting its go-live message")
                .publishPercentileHistogram().register(registry);
    }

    private static Counter attempts(MeterRegistry registry, String outcome) {
        return Counter.builder("stagehand.notifications.attempts").tag("outcome", outcome)
                .description("Attempts to post go-live messages to Discord, by outcome").register(registry);
    }

    void delivered(Instant streamStartedAt, Instant now) {
        delivered.increment();
        if (streamStartedAt != null && !streamStartedAt.isAfter(now)) {
            latency.record(Duration.between(streamStartedAt, now));
        }
    }

    /** An attempt that failed; {@code retrying} when another follows. */
    void failed(boolean retrying) {
        (retrying ? retried : failed).increment();
    }
}
