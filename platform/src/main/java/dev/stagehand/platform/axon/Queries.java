package dev.stagehand.platform.axon;

import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Asks the query bus on behalf of a request. Query handlers run on the asking thread and block on JDBC, so the
 * question is asked off the event loop.
 */
@Component
public class Queries {

    private final QueryGateway queries;

    Queries(QueryGateway queries) {
        this.queries = queries;
    }

    public <R> Mono<R> one(Object query, Class<R> answer) {
        return ask(query, ResponseTypes.instanceOf(answer));
    }

    public <R> Mono<Optional<R>> optional(Object query, Class<R> view) {
        return ask(query, ResponseTypes.optionalInstanceOf(view));
    }

    public <R> Mono<List<R>> list(Object query, Class<R> element) {
        return ask(query, ResponseTypes.multipleInstancesOf(element));
    }

    public <R> Mono<R> ask(Object query, ResponseType<R> answer) {
        return Mono.fromFuture(() -> queries.query(query, answer)).subscribeOn(Schedulers.boundedElastic());
    }
}
