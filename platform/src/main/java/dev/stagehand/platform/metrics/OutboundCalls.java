package dev.stagehand.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Every call Stagehand makes to another service ({@code stagehand.outbound.requests}: a timer tagged with the service,
 * the endpoint and the answer's status), so that an operator sees how often Twitch and Discord are asked, how they
 * answer and how long they take. A status is the HTTP status, {@code 2xx} for a success whose exact status the client
 * library keeps to itself, or {@code none} when nothing answered. Where an answer tells how much of a rate limit is
 * left, that too ({@code stagehand.outbound.ratelimit.remaining}).
 */
@Component
public class OutboundCalls {

    public static final String TWITCH_HELIX = "twitch-helix";
    public static final String DISCORD = "discord";
    /** The status of a success whose exact 2xx status the client library does not tell. */
    public static final String SUCCESS = "2xx";

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> remaining = new ConcurrentHashMap<>();

    public OutboundCalls(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records a call to {@code service}'s {@code endpoint}, begun at {@code startNanos}, answered {@code status}. */
    public void record(String service, String endpoint, String status, long startNanos) {
        Timer.builder("stagehand.outbound.requests").tag("service", service).tag("endpoint", endpoint)
                .tag("status", status).description("Calls to Twitch and Discord, by service, endpoint and status")
                .publishPercentileHistogram().register(registry)
                .record(Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** An HTTP status as a tag: the number, or {@code none} for 0 (no answer). */
    public static String status(int httpStatus) {
        return httpStatus == 0 ? "none" : Integer.toString(httpStatus);
    }

    /**
     * Records the points of a rate limit left after the last call that told them
     * ({@code stagehand.outbound.ratelimit.remaining{service,bucket}}).
     */
    public void remaining(String service, String bucket, int points) {
        remaining.computeIfAbsent(service + "/" + bucket, key -> {
            AtomicInteger left = new AtomicInteger();
            Gauge.builder("stagehand.outbound.ratelimit.remaining", left, AtomicInteger::get).tag("service", service)
                    .tag("bucket", bucket).description("Points of a rate limit left, as the last answer told them")
                    .register(registry);
            return left;
        }).set(points);
    }
}
