package dev.stagehand.platform.axon;

import dev.stagehand.platform.tracing.Traces;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a command and answers once a read model shows its effect, so that whoever asked sees the change in their next
 * read. The read model is asked again every 50 ms rather than listened to: the projection that applies the event may
 * run on another node of the deployment, whose updates never reach this one. A state already reached (an unchanged
 * rename, a repeated subscription) answers at once. The command continues the trace of the request that sent it.
 */
@Component
public class ReadModelWait {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration ASK_EVERY = Duration.ofMillis(50);

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Traces traces;

    ReadModelWait(QueryGateway queries, CommandGateway commands, Traces traces) {
        this.queries = queries;
        this.commands = commands;
        this.traces = traces;
    }

    /**
     * @return the query's answer once it satisfies {@code reached}; a {@link java.util.concurrent.TimeoutException}
     *         when the read model has not caught up in 10 s
     */
    public <R> Mono<R> sendAndAwait(Object command, Object query, ResponseType<R> answer, Predicate<R> reached) {
        return Mono.deferContextual(context -> Mono.fromFuture(traces.inTraceOf(context, () -> commands.send(command))))
                .thenMany(Flux.interval(Duration.ZERO, ASK_EVERY, Schedulers.boundedElastic()).onBackpressureDrop()
                        .concatMap(tick -> Mono.fromFuture(() -> queries.query(query, answer))))
                .filter(reached)
                .next()
                .timeout(WAIT);
    }

    /** For a query answering one view, if any: answers the view once it satisfies {@code reached}. */
    public <V> Mono<V> sendAndAwaitView(Object command, Object query, Class<V> view, Predicate<V> reached) {
        return sendAndAwait(command, query, ResponseTypes.optionalInstanceOf(view),
                found -> found.filter(reached).isPresent()).map(Optional::get);
    }

    /** For a deletion: answers once the query finds no view any more. */
    public Mono<Void> sendAndAwaitGone(Object command, Object query, Class<?> view) {
        return sendAndAwait(command, query, ResponseTypes.optionalInstanceOf(view), Optional::isEmpty).then();
    }
}
