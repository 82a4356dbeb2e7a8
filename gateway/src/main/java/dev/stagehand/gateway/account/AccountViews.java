package dev.stagehand.gateway.account;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.AccountView;
import dev.stagehand.api.account.FindAccount;
import java.time.Duration;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reads accounts from the read model, and waits for a change to reach it. */
@Component
public class AccountViews {

    /** How long a login waits for its account to show up in the read model. */
    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(10);

    private final QueryGateway queries;

    AccountViews(QueryGateway queries) {
        this.queries = queries;
    }

    public Mono<AccountView> find(AccountId id) {
        return Mono.fromFuture(() -> queries.query(new FindAccount(id),
                        ResponseTypes.optionalInstanceOf(AccountView.class)))
                .flatMap(Mono::justOrEmpty)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Runs {@code change}, then waits until the account's view satisfies {@code reached}. */
    Mono<AccountView> changeAndAwait(AccountId id, Mono<?> change, Predicate<AccountView> reached) {
        return Mono.usingWhen(
                Mono.fromCallable(() -> queries.subscriptionQuery(new FindAccount(id),
                        ResponseTypes.optionalInstanceOf(AccountView.class),
                        ResponseTypes.instanceOf(AccountView.class))).subscribeOn(Schedulers.boundedElastic()),
                // Updates arrive on the projection's thread, inside its unit of work: continue elsewhere.
                view -> change.then(view.initialResult().flatMap(Mono::justOrEmpty).concatWith(view.updates())
                        .filter(reached).next().timeout(READ_MODEL_WAIT).publishOn(Schedulers.boundedElastic())),
                view -> Mono.fromRunnable(view::close));
    }
}
