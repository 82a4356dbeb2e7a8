package dev.stagehand.gateway.security;

import dev.stagehand.api.account.ApiTokenView;
import dev.stagehand.platform.problem.ProblemWriter;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What a request made with a personal API token may not do: manage tokens (that takes a login), change anything with
 * a read-only token, or make more than {@code requestsPerMinute} requests a minute on this node; and a token that
 * is unknown, revoked or expired gets a 401 even where no login is needed.
 */
@Component
class ApiTokenGuard implements WebFilter {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ProblemWriter problems;
    private final int perMinute;
    /** Each token's requests in the current minute: the minute since the epoch, and the count. */
    private final Map<String, long[]> minutes = new ConcurrentHashMap<>();

    ApiTokenGuard(ProblemWriter problems, ApiTokenProperties settings) {
        this.problems = problems;
        this.perMinute = settings.requestsPerMinute();
    }

    private record Refusal(HttpStatus status, String detail, long retryAfterSeconds) {
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // A bad token on a route anyone may ask is still a bad token.
        Optional<Refusal> unknown = ApiTokens.sentWith(exchange).map(sent -> new Refusal(HttpStatus.UNAUTHORIZED,
                ApiTokens.UNKNOWN, 0));
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof AccountAuthentication account
                        ? account.token().orElse(null) : null)
                .map(token -> refusal(exchange, token))
                .defaultIfEmpty(unknown)
                .flatMap(refused -> refused.map(refusal -> refuse(exchange, refusal))
                        .orElseGet(() -> chain.filter(exchange)));
    }

    private Optional<Refusal> refusal(ServerWebExchange exchange, ApiTokenView token) {
        if (exchange.getRequest().getPath().value().startsWith("/api/me/tokens")) {
            return Optional.of(new Refusal(HttpStatus.FORBIDDEN, "API tokens are managed with a login, not with a "
                    + "token.", 0));
        }
        if (!token.write() && !READS.contains(exchange.getRequest().getMethod())) {
            return Optional.of(new Refusal(HttpStatus.FORBIDDEN, "This token may only read: make a read-write token "
                    + "to change data.", 0));
        }
        long now = Instant.now().getEpochSecond();
        long minute = now / 60;
        long[] counted = minutes.compute(token.tokenId(), (id, window) -> window == null || window[0] != minute
                ? new long[] {minute, 1} : new long[] {minute, window[1] + 1});
        if (counted[1] > perMinute) {
            return Optional.of(new Refusal(HttpStatus.TOO_MANY_REQUESTS, "This token made " + perMinute
                    + " requests this minute, as many as a token may: try again in a moment.", 60 - now % 60));
        }
        return Optional.empty();
    }

    private Mono<Void> refuse(ServerWebExchange exchange, Refusal refusal) {
        if (refusal.retryAfterSeconds() > 0) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                    Long.toString(refusal.retryAfterSeconds()));
        }
        return problems.write(exchange, refusal.status(), refusal.detail());
    }
}
