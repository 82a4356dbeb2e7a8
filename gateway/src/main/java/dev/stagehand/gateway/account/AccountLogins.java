package dev.stagehand.gateway.account;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.AccountView;
import dev.stagehand.api.account.ExternalIdentity;
import dev.stagehand.api.account.LinkIdentity;
import dev.stagehand.api.account.Provider;
import dev.stagehand.api.account.RegisterAccount;
import dev.stagehand.api.account.RenewTwitchAuthorization;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.sagas.account.TwitchTokens;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns a successful provider login into a Stagehand account: the first login registers one, later logins find it,
 * and a logged-in person can link a second provider. Each answers once the read model shows the result, so that the
 * dashboard the person lands on is up to date.
 */
@Component
public class AccountLogins {

    /** Session attribute: the account that asked to link the provider login now under way. */
    public static final String LINKING_ACCOUNT = "stagehand.linking-account";

    private final IdentityClaims claims;
    private final TwitchTokens twitchTokens;
    private final OperatorRole operators;
    private final CommandGateway commands;
    private final AccountViews views;

    AccountLogins(IdentityClaims claims, TwitchTokens twitchTokens, OperatorRole operators, CommandGateway commands,
                  AccountViews views) {
        this.claims = claims;
        this.twitchTokens = twitchTokens;
        this.operators = operators;
        this.commands = commands;
        this.views = views;
    }

    /** The account of whoever logged in, registered on their first login. */
    public Mono<AccountId> logIn(ExternalLogin login) {
        return Mono.fromCallable(() -> claims.owner(login.provider(), login.userId()).orElse(null))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(owner -> renew(owner, login).thenReturn(owner))
                .switchIfEmpty(Mono.defer(() -> register(login)))
                .flatMap(account -> operators.grantIfNamed(account, login.provider(), login.login())
                        .thenReturn(account));
    }

    /** Links the identity to the account of whoever is logged in. */
    public Mono<AccountId> link(AccountId account, ExternalLogin login) {
        return Mono.fromCallable(() -> claims.owner(login.provider(), login.userId()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(owner -> owner.isEmpty() ? claimAndLink(account, login)
                        : owner.get().equals(account) ? renew(account, login)
                        : Mono.<Void>error(new IdentityInUseException(login.provider())))
                .thenReturn(account);
    }

    private Mono<Void> claimAndLink(AccountId account, ExternalLogin login) {
        return Mono.fromCallable(() -> claims.claim(login.provider(), login.userId(), account))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(owner -> {
                    if (!owner.equals(account)) {
                        return Mono.error(new IdentityInUseException(login.provider()));
                    }
                    SecretId token = storeToken(account, login);
                    return views.sendAndAwait(account, new LinkIdentity(account, identity(login, token)),
                                    hasCurrent(login.provider(), token))
                            .onErrorResume(failed -> Mono.fromRunnable(() -> {
                                claims.release(login.provider(), login.userId(), account);
                                forget(token);
                            }).subscribeOn(Schedulers.boundedElastic()).then(Mono.error(failed)));
                })
                .then();
    }

    private Mono<AccountId> register(ExternalLogin login) {
        AccountId candidate = AccountId.random();
        return Mono.fromCallable(() -> claims.claim(login.provider(), login.userId(), candidate))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(owner -> {
                    if (!owner.equals(candidate)) {
                        // Another node registered this person a moment ago: that is their account.
                        return renew(owner, login).thenReturn(owner);
                    }
                    SecretId token = storeToken(candidate, login);
                    return views.sendAndAwait(candidate,
                                    new RegisterAccount(candidate, login.displayName(), identity(login, token)),
                            hasCurrent(login.provider(), token))
                            .then(Mono.fromRunnable(() -> operators.offerIfFirst(candidate)))
                            .thenReturn(candidate);
                });
    }

    /** A Twitch login hands over a fresh token: Stagehand acts with it from now on. */
    private Mono<Void> renew(AccountId account, ExternalLogin login) {
        if (login.provider() != Provider.TWITCH) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> storeToken(account, login))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(token -> views.sendAndAwait(account, new RenewTwitchAuthorization(account, token),
                        hasCurrent(Provider.TWITCH, token)))
                .then();
    }

    private static Predicate<AccountView> hasCurrent(Provider provider, SecretId token) {
        return view -> view.identity(provider)
                .filter(identity -> token == null || token.equals(identity.token()) && !identity.needsLogin())
                .isPresent();
    }

    private SecretId storeToken(AccountId owner, ExternalLogin login) {
        return login.token() == null ? null : twitchTokens.store(owner, login.token());
    }

    private void forget(SecretId token) {
        if (token != null) {
            twitchTokens.forget(token);
        }
    }

    private static ExternalIdentity identity(ExternalLogin login, SecretId token) {
        return new ExternalIdentity(login.provider(), login.userId(), login.login(), login.displayName(), token);
    }
}
