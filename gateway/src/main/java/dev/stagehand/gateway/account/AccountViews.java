package dev.stagehand.gateway.account;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.AccountView;
import dev.stagehand.api.account.FindAccount;
import dev.stagehand.platform.axon.Queries;
import dev.stagehand.platform.axon.ReadModelWait;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads accounts from the read model, and waits for a change to reach it. */
@Component
public class AccountViews {

    private final Queries queries;
    private final ReadModelWait wait;

    AccountViews(Queries queries, ReadModelWait wait) {
        this.queries = queries;
        this.wait = wait;
    }

    public Mono<AccountView> find(AccountId id) {
        return queries.optional(new FindAccount(id), AccountView.class)
                .flatMap(Mono::justOrEmpty);
    }

    /** Sends the command, then waits until the account's view satisfies {@code reached}. */
    Mono<AccountView> sendAndAwait(AccountId id, Object command, Predicate<AccountView> reached) {
        return wait.sendAndAwaitView(command, new FindAccount(id), AccountView.class, reached);
    }
}
