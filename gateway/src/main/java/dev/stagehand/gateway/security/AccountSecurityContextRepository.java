package dev.stagehand.gateway.security;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.gateway.account.AccountViews;
import dev.stagehand.platform.session.JdbcWebSessionStore;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Keeps only the account id in the session and looks the account up on every request, so that a granted role counts
 * at once and a deleted account is logged out everywhere. Spring's own provider authentications are not kept: a
 * login counts once it has become a Stagehand account.
 */
@Component
class AccountSecurityContextRepository implements ServerSecurityContextRepository {

    private final AccountViews accounts;
    private final ApiTokens tokens;

    AccountSecurityContextRepository(AccountViews accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        if (context == null) {
            return exchange.getSession().doOnNext(session -> session.getAttributes()
                    .remove(JdbcWebSessionStore.ACCOUNT_ATTRIBUTE)).then();
        }
        if (!(context.getAuthentication() instanceof AccountAuthentication authentication)) {
            return Mono.empty();
        }
        // A new session id on login, so that an id planted before the login is worth nothing after it.
        return exchange.getSession().flatMap(session -> session.changeSessionId().then(Mono.fromRunnable(() ->
                session.getAttributes().put(JdbcWebSessionStore.ACCOUNT_ATTRIBUTE,
                        authentication.getPrincipal().id().value()))));
    }

    /**
     * A request to the API with a bearer token is that token's and nothing else: an unknown, revoked or expired one
     * leaves it unauthenticated, whatever session cookie it also sends.
     */
    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        Optional<String> bearer = ApiTokens.sentWith(exchange);
        if (bearer.isPresent()) {
            return tokens.find(bearer.get()).flatMap(token -> accounts.find(token.accountId())
                    .map(view -> new SecurityContextImpl(new AccountAuthentication(
                            new CurrentAccount(view.accountId(), view.operator() && token.admin()), token))));
        }
        return exchange.getSession()
                .flatMap(session -> Mono.justOrEmpty(
                        (String) session.getAttributes().get(JdbcWebSessionStore.ACCOUNT_ATTRIBUTE)))
                .flatMap(id -> accounts.find(new AccountId(id)))
                .map(view -> new SecurityContextImpl(
                        new AccountAuthentication(new CurrentAccount(view.accountId(), view.operator()))));
    }
}
