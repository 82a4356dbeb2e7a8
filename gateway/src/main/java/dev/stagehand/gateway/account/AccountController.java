package dev.stagehand.gateway.account;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.AccountView;
import dev.stagehand.api.account.DisplayNames;
import dev.stagehand.api.account.FindAccount;
import dev.stagehand.api.account.GrantOperatorRole;
import dev.stagehand.api.account.RegisterAccount;
import dev.stagehand.api.account.RenameAccount;
import dev.stagehand.gateway.problem.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Accounts, for operators. (Users will register by logging in with Twitch or Discord.) */
@RestController
@RequestMapping("/api/accounts")
class AccountController {

    /** How long a registration waits for its account to appear in the read model before answering 202. */
    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(10);

    private final CommandGateway commands;
    private final QueryGateway queries;

    AccountController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record DisplayNameRequest(@NotNull(message = "displayName is required") String displayName) {
    }

    @PostMapping
    Mono<ResponseEntity<AccountResponse>> register(@Valid @RequestBody DisplayNameRequest request) {
        AccountId id = AccountId.random();
        String displayName = DisplayNames.validated(request.displayName());
        URI location = URI.create("/api/accounts/" + id.value());
        SubscriptionQueryResult<Optional<AccountView>, AccountView> view = queries.subscriptionQuery(
                new FindAccount(id), ResponseTypes.optionalInstanceOf(AccountView.class),
                ResponseTypes.instanceOf(AccountView.class));
        Mono<AccountView> registered = view.initialResult().flatMap(Mono::justOrEmpty)
                .concatWith(view.updates()).next();
        return Mono.fromFuture(() -> commands.send(new RegisterAccount(id, displayName)))
                .then(registered.timeout(READ_MODEL_WAIT))
                .map(account -> ResponseEntity.created(location).body(AccountResponse.of(account)))
                .onErrorResume(java.util.concurrent.TimeoutException.class,
                        slow -> Mono.just(ResponseEntity.accepted().location(location).build()))
                .doFinally(signal -> view.close());
    }

    @GetMapping("/{id}")
    Mono<AccountResponse> find(@PathVariable String id) {
        return Mono.fromFuture(() -> queries.query(new FindAccount(new AccountId(id)),
                        ResponseTypes.optionalInstanceOf(AccountView.class)))
                .flatMap(Mono::justOrEmpty)
                .map(AccountResponse::of)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No account has the id " + id + ".")));
    }

    @PutMapping("/{id}/display-name")
    Mono<ResponseEntity<Void>> rename(@PathVariable String id, @Valid @RequestBody DisplayNameRequest request) {
        return Mono.fromFuture(() -> commands.send(new RenameAccount(new AccountId(id), request.displayName())))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/{id}/operator-role")
    Mono<ResponseEntity<Void>> grantOperatorRole(@PathVariable String id) {
        return Mono.fromFuture(() -> commands.send(new GrantOperatorRole(new AccountId(id))))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
