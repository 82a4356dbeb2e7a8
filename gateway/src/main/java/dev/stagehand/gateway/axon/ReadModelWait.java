package dev.stagehand.gateway.axon;

import java.time.Duration;
import java.util.function.Function;
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
 * read. The query is subscribed before the command leaves, so no update can slip by; a state already reached (an
 * unchanged rename, a repeated subscription) answers at once from the initial result.
 */
@Component
public class ReadModelWait {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final QueryGateway queries;
    private final CommandGateway commands;

    ReadModelWait(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    /**
     * @param current what the initial result says, as views of the update type
     * @throws java.util.concurrent.TimeoutException (in the Mono) when the read model has not caught up in 10 s
     */
    public <I, U> Mono<U> sendAndAwait(Object command, Object query, ResponseType<I> initial, Class<U> updates,
                                       Function<I, Flux<U>> current, Predicate<U> reached) {
        return Mono.usingWhen(
                Mono.fromCallable(() -> queries.subscriptionQuery(query, initial, ResponseTypes.instanceOf(updates)))
                        .subscribeOn(Schedulers.boundedElastic()),
                result -> Mono.fromFuture(() -> commands.send(command))
                        .then(result.initialResult().flatMapMany(current).concatWith(result.updates())
                                .filter(reached).next().timeout(WAIT)
                                // Updates arrive on a projection's thread, inside its unit of work: continue elsewhere.
                                .publishOn(Schedulers.boundedElastic())),
                result -> Mono.fromRunnable(result::close));
    }
}
