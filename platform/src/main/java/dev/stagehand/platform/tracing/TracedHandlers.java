package dev.stagehand.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.stereotype.Component;

/**
 * Every command, event (saga events too) and deadline handler runs in a span of the trace its message carries in its
 * {@code traceparent} metadata, so its log lines, the messages it sends ({@link TraceCorrelation}) and its calls to
 * others belong to that trace. A command that carries none continues the trace current where it was sent (an HTTP
 * request's), or begins one. Events replayed into a rebuilt projection are handled outside any trace.
 */
@Component
class TracedHandlers implements HandlerEnhancerDefinition {

    private final Traces traces;

    TracedHandlers(Traces traces) {
        this.traces = traces;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean command = original.annotationAttributes(CommandHandler.class).isPresent();
        if (!command && original.annotationAttributes(EventHandler.class).isEmpty()
                && original.annotationAttributes(DeadlineHandler.class).isEmpty()) {
            return original;
        }
        String handler = original.declaringClass().getSimpleName();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                Object traceparent = message.getMetaData().get(Traces.TRACEPARENT);
                if ((traceparent == null && !command) || replayed(message)) {
                    return super.handle(message, target);
                }
                String name = message.getPayloadType().getSimpleName();
                Span span = traceparent == null ? traces.start(name)
                        : traces.startFrom(Map.of(Traces.TRACEPARENT, traceparent.toString()), name);
                try (Tracer.SpanInScope scope = traces.inScope(span.tag("axon.handler", handler))) {
                    return super.handle(message, target);
                } catch (Exception | Error failed) {
                    span.error(failed);
                    throw failed;
                } finally {
                    span.end();
                }
            }
        };
    }

    private static boolean replayed(Message<?> message) {
        return message instanceof TrackedEventMessage<?> tracked && ReplayToken.isReplay(tracked);
    }
}
