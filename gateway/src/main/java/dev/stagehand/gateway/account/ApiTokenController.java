package dev.stagehand.gateway.account;

import dev.stagehand.api.account.ApiTokenView;
import dev.stagehand.api.account.CreateApiToken;
import dev.stagehand.api.account.FindApiTokenByHash;
import dev.stagehand.api.account.FindApiTokens;
import dev.stagehand.api.account.RevokeApiToken;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.gateway.security.ApiTokens;
import dev.stagehand.gateway.security.CurrentAccount;
import dev.stagehand.platform.axon.Queries;
import dev.stagehand.platform.axon.ReadModelWait;
import dev.stagehand.platform.problem.NotFoundException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The logged-in person's personal API tokens, for scripts: made (the token is shown this once), listed, revoked.
 * Managed with a login only: a token cannot make or revoke tokens.
 */
@RestController
@RequestMapping("/api/me/tokens")
class ApiTokenController {

    static final int LONGEST_DAYS = 365;
    private static final int DEFAULT_DAYS = 90;

    private final ApiTokens tokens;
    private final Queries queries;
    private final ReadModelWait wait;

    ApiTokenController(ApiTokens tokens, Queries queries, ReadModelWait wait) {
        this.tokens = tokens;
        this.queries = queries;
        this.wait = wait;
    }

    /**
     * @param name          what the token is for, as its owner will recognise it in the list
     * @param expiresInDays 1 to 365 (90 when left out)
     * @param write         whether it may change data (read-only when left out)
     * @param admin         whether it reaches the operator API (an operator's token only)
     */
    record NewToken(String name, Integer expiresInDays, Boolean write, Boolean admin) {
    }

    /** A token as listed; {@code token} only in the answer that made it. */
    record TokenResponse(String id, String name, String access, boolean admin, Instant createdAt, Instant expiresAt,
                         String token) {

        static TokenResponse of(ApiTokenView view, String token) {
            return new TokenResponse(view.tokenId(), view.name(), view.write() ? "read-write" : "read", view.admin(),
                    view.createdAt(), view.expiresAt(), token);
        }
    }

    @GetMapping
    Mono<List<TokenResponse>> list(CurrentAccount me) {
        return queries.list(new FindApiTokens(me.id()), ApiTokenView.class)
                .map(views -> views.stream().map(view -> TokenResponse.of(view, null)).toList());
    }

    @PostMapping
    Mono<ResponseEntity<TokenResponse>> create(CurrentAccount me, @RequestBody NewToken request) {
        int days = request.expiresInDays() == null ? DEFAULT_DAYS : request.expiresInDays();
        if (days < 1 || days > LONGEST_DAYS) {
            throw new RuleViolation("expiresInDays is from 1 to " + LONGEST_DAYS);
        }
        ApiTokens.Issued issued = tokens.issue();
        String id = UUID.randomUUID().toString();
        Instant expires = Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
        return wait.sendAndAwaitView(new CreateApiToken(me.id(), id, request.name(), issued.hash(),
                                Boolean.TRUE.equals(request.write()), Boolean.TRUE.equals(request.admin()), expires),
                        new FindApiTokenByHash(issued.hash()), ApiTokenView.class, view -> true)
                .map(view -> ResponseEntity.created(URI.create("/api/me/tokens/" + id))
                        .body(TokenResponse.of(view, issued.token())));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> revoke(CurrentAccount me, @PathVariable String id) {
        return queries.list(new FindApiTokens(me.id()), ApiTokenView.class)
                .flatMap(mine -> mine.stream().filter(token -> token.tokenId().equals(id)).findFirst()
                        .map(Mono::just).orElseGet(() -> Mono.error(new NotFoundException("You have no token " + id
                                + "."))))
                .flatMap(token -> wait.sendAndAwait(new RevokeApiToken(me.id(), id), new FindApiTokens(me.id()),
                        ResponseTypes.multipleInstancesOf(ApiTokenView.class),
                        left -> left.stream().noneMatch(kept -> kept.tokenId().equals(id))))
                .then();
    }
}
