package dev.stagehand.gateway.account;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.DeleteAccount;
import dev.stagehand.api.account.IdentityView;
import dev.stagehand.api.account.Provider;
import dev.stagehand.api.account.RenameAccount;
import dev.stagehand.api.account.UnlinkIdentity;
import dev.stagehand.api.common.Conflict;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.gateway.security.CurrentAccount;
import dev.stagehand.platform.problem.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The logged-in person's own account: identities, name, the operator offer, deletion. */
@RestController
@RequestMapping("/api/me")
class MeController {

    private final CommandGateway commands;
    private final AccountViews views;
    private final OperatorRole operators;
    private final IdentityClaims claims;

    MeController(CommandGateway commands, AccountViews views, OperatorRole operators, IdentityClaims claims) {
        this.commands = commands;
        this.views = views;
        this.operators = operators;
        this.claims = claims;
    }

    record DisplayNameRequest(@NotNull(message = "displayName is required") String displayName) {
    }

    @GetMapping
    Mono<AccountResponse> me(CurrentAccount me) {
        return response(me.id());
    }

    @PutMapping("/display-name")
    Mono<AccountResponse> rename(CurrentAccount me, @Valid @RequestBody DisplayNameRequest request) {
        return views.sendAndAwait(me.id(), new RenameAccount(me.id(), request.displayName()),
                        view -> view.displayName() != null && view.displayName().equals(request.displayName().strip()))
                .then(response(me.id()));
    }

    /** Starts linking a provider: the answer says where the browser goes to log in with it. */
    @PostMapping("/identities/{provider}/link")
    Mono<Map<String, String>> startLinking(CurrentAccount me, @PathVariable String provider, WebSession session) {
        Provider linked = provider(provider);
        session.getAttributes().put(AccountLogins.LINKING_ACCOUNT, me.id().value());
        return Mono.just(Map.of("location", "/oauth2/authorization/" + linked.name().toLowerCase(Locale.ROOT)));
    }

    @DeleteMapping("/identities/{provider}")
    Mono<AccountResponse> unlink(CurrentAccount me, @PathVariable String provider) {
        Provider unlinked = provider(provider);
        return views.find(me.id())
                .flatMap(view -> Mono.justOrEmpty(view.identity(unlinked)))
                .switchIfEmpty(Mono.error(() -> new RuleViolation("This account has no " + provider
                        + " identity to unlink")))
                .flatMap(identity -> views.sendAndAwait(me.id(), new UnlinkIdentity(me.id(), unlinked),
                                view -> view.identity(unlinked).isEmpty())
                        .then(release(me.id(), identity)))
                .then(response(me.id()));
    }

    @PostMapping("/operator-role")
    Mono<AccountResponse> takeOperatorRole(CurrentAccount me) {
        return Mono.defer(() -> operators.take(me.id())).subscribeOn(Schedulers.boundedElastic())
                .flatMap(taken -> taken
                        ? Mono.empty()
                        : Mono.error(new Conflict(
                                "The operator role is not on offer to this account.")))
                .then(response(me.id()));
    }

    @DeleteMapping
    Mono<ResponseEntity<Void>> delete(CurrentAccount me, WebSession session) {
        return Mono.fromFuture(() -> commands.send(new DeleteAccount(me.id())))
                .then(session.invalidate())
                .thenReturn(ResponseEntity.noContent().build());
    }

    private Mono<Void> release(AccountId account, IdentityView identity) {
        return Mono.fromRunnable(() -> claims.release(identity.provider(), identity.userId(), account))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }

    private Mono<AccountResponse> response(AccountId id) {
        return views.find(id)
                .zipWith(Mono.fromCallable(() -> operators.offeredTo(id)).subscribeOn(Schedulers.boundedElastic()),
                        AccountResponse::of)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("This account no longer exists.")));
    }

    private static Provider provider(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "twitch" -> Provider.TWITCH;
            case "discord" -> Provider.DISCORD;
            default -> throw new NotFoundException("There is no login provider named " + name + ".");
        };
    }
}
