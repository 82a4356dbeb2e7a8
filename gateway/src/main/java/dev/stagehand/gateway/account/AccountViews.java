package dev.stagehand.gateway.account;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.AccountView;
import dev.stagehand.api.account.FindAccount;
import java.util.function.Predicate;
import dev.stagehand.gateway.axon.ReadModelWait;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reads accounts from the read model, and waits for a change to reach it. */
@Component
public class AccountViews {

    private final QueryGateway queries;
    private final ReadModelWait wait;

    AccountViews(QueryGateway queries, ReadModelWait wait) {
        this.queries = queries;
        this.wait = wait;
    }

    public Mono<AccountView> find(AccountId id) {
        return Mono.fromFuture(() -> queries.query(new FindAccount(id),
                        ResponseTypes.optionalInstanceOf(AccountView.class)))
                .flatMap(Mono::justOrEmpty)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Sends the command, then waits until the account's view satisfies {@code reached}. */
    Mono<AccountView> sendAndAwait(AccountId id, Object command, Predicate<AccountView> reached) {
        return wait.sendAndAwaitView(command, new FindAccount(id), AccountView.class, reached);
    }
}
