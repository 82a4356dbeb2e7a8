package dev.stagehand.gateway.account;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.AccountView;
import dev.stagehand.api.account.GrantOperatorRole;
import dev.stagehand.api.account.Provider;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who operates the deployment: the identities named in {@code STAGEHAND_OPERATORS}, and the first account ever
 * registered (on a fresh deployment, the person who set it up), which is offered the role until someone holds it.
 */
@Component
class OperatorRole {

    private final Set<String> named;
    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final AccountViews views;

    OperatorRole(OperatorProperties properties, JdbcClient jdbc, CommandGateway commands, AccountViews views) {
        this.named = properties.operators().stream().map(OperatorRole::normalized).collect(Collectors.toSet());
        this.jdbc = jdbc;
        this.commands = commands;
        this.views = views;
    }

    /** The first account ever registered is offered the role; nobody else is. */
    void offerIfFirst(AccountId account) {
        jdbc.sql("INSERT INTO operator_role_offer (id, account_id) VALUES (1, :account) ON CONFLICT (id) DO NOTHING")
            .param("account", account.value())
            .update();
    }

    boolean offeredTo(AccountId account) {
        return jdbc.sql("SELECT count(*) FROM operator_role_offer WHERE account_id = :account AND taken_at IS NULL")
                   .param("account", account.value())
                   .query(Long.class).single() == 1;
    }

    /** Gives the role when the configuration names this identity; the first account's offer is then withdrawn. */
    Mono<Void> grantIfNamed(AccountId account, Provider provider, String login) {
        if (!named.contains(normalized(provider.name() + ":" + login))) {
            return Mono.empty();
        }
        jdbc.sql("""
                        INSERT INTO operator_role_offer (id, account_id, taken_at) VALUES (1, :account, now())
                        ON CONFLICT (id) DO UPDATE SET taken_at = COALESCE(operator_role_offer.taken_at, now())""")
            .param("account", account.value())
            .update();
        return grant(account);
    }

    /** Takes the offered role; false when it is not offered to this account. */
    Mono<Boolean> take(AccountId account) {
        int taken = jdbc.sql("""
                        UPDATE operator_role_offer SET taken_at = now()
                        WHERE id = 1 AND account_id = :account AND taken_at IS NULL""")
                .param("account", account.value())
                .update();
        return taken == 1 ? grant(account).thenReturn(true) : Mono.just(false);
    }

    /** Grants the role and answers once the read model (which every request's roles come from) shows it. */
    private Mono<Void> grant(AccountId account) {
        return views.sendAndAwait(account, new GrantOperatorRole(account),
                AccountView::operator).then();
    }

    private static String normalized(String identity) {
        return identity.strip().toLowerCase(Locale.ROOT);
    }
}
