package dev.stagehand.platform.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.util.context.ContextView;

/**
 * W3C trace context carried through what Stagehand passes along: Kafka record headers, Axon message metadata and its
 * own HTTP calls, over Micrometer Tracing (OpenTelemetry underneath). A span in scope puts its trace id in every log
 * line. Whether a trace is recorded is the sampler's choice; one that is not still has its ids made and carried, so
 * its log lines can be followed, at a cost of about a microsecond.
 */
@Component
public class Traces {

    /** The W3C header, and metadata key, that carries a trace's id, its parent span and whether it is sampled. */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    /** Without Spring Boot's tracer ({@code management.tracing.enabled=false}) nothing is traced or carried. */
    Traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    /** A span continuing the current trace, or beginning one when there is none. */
    public Span start(String name) {
        return tracer.nextSpan().name(name).start();
    }

    /** A span continuing the trace {@code fields} carry (a {@code traceparent} and its companions), if any. */
    public Span startFrom(Map<String, String> fields, String name) {
        return propagator.extract(fields, Map::get).name(name).start();
    }

    /** Makes {@code span} current on this thread until the scope is closed. */
    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }

    /**
     * Runs {@code work} in the trace of the Reactor context's observation (an HTTP request's, which WebFlux keeps
     * there rather than on a thread), if any.
     */
    public <T> T inTraceOf(ContextView context, Supplier<T> work) {
        Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (observation == null) {
            return work.get();
        }
        try (Observation.Scope scope = observation.openScope()) {
            return work.get();
        }
    }

    /** The fields that carry {@code span}'s trace onwards, {@code traceparent} among them. */
    public Map<String, String> fields(TraceContext context) {
        Map<String, String> fields = new HashMap<>(4);
        propagator.inject(context, fields, Map::put);
        return fields;
    }

    /** The fields that carry the current span's trace onwards; none when no span is current. */
    public Map<String, String> currentFields() {
        Span current = tracer.currentSpan();
        return current == null ? Map.of() : fields(current.context());
    }

    /** Whether a {@code traceparent} says its trace is recorded: the lowest bit of its flags, the last two digits. */
    public static boolean sampled(String traceparent) {
        return traceparent != null && traceparent.length() > 2
                && (Character.digit(traceparent.charAt(traceparent.length() - 1), 16) & 1) == 1;
    }
}
