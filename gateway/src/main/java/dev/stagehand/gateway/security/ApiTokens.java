package dev.stagehand.gateway.security;

import dev.stagehand.api.account.ApiTokenView;
import dev.stagehand.api.account.FindApiTokenByHash;
import dev.stagehand.platform.axon.Queries;
import dev.stagehand.secrets.BearerSecrets;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Personal API tokens: {@value #PREFIX} and 256 random bits, sent as {@code Authorization: Bearer <token>} on
 * {@code /api/**}; only their SHA-256 is kept. A token past its expiry is refused like an unknown one.
 */
@Component
public class ApiTokens {

    static final String PREFIX = "sht_";
    static final String UNKNOWN = "This API token is unknown, revoked or expired.";
    private static final String BEARER = "Bearer ";

    private final Queries queries;

    ApiTokens(Queries queries) {
        this.queries = queries;
    }

    /** A new token and the hash to keep of it. */
    public record Issued(String token, String hash) {
    }

    public Issued issue() {
        String token = PREFIX + BearerSecrets.random();
        return new Issued(token, BearerSecrets.sha256(token));
    }

    /** The bearer secret of a request to the API, if it sends one (a scraper's on the actuator is not ours). */
    static Optional<String> sentWith(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER) || !exchange.getRequest().getPath().value()
                .startsWith("/api/")) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }

    /** The unrevoked, unexpired token that {@code secret} is. */
    Mono<ApiTokenView> find(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Mono.empty();
        }
        return queries.optional(new FindApiTokenByHash(BearerSecrets.sha256(secret)), ApiTokenView.class)
                .flatMap(Mono::justOrEmpty)
                .filter(token -> token.expiresAt().isAfter(Instant.now()));
    }
}
