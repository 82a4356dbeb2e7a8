package dev.stagehand.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorityReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may read {@code /actuator/prometheus}: an operator, or a scraper (Prometheus) that sends
 * {@code Authorization: Bearer <stagehand.metrics.token>} when a token is configured ({@code STAGEHAND_METRICS_TOKEN}).
 */
@Component
class MetricsScrapeAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final byte[] expected;
    private final ReactiveAuthorizationManager<AuthorizationContext> operators =
            AuthorityReactiveAuthorizationManager.hasRole(AccountAuthentication.OPERATOR);

    MetricsScrapeAccess(@Value("${stagehand.metrics.token:}") String token) {
        this.expected = token.isBlank() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        String sent = context.getExchange().getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (expected != null && sent != null
                && MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.UTF_8))) {
            return Mono.just(new AuthorizationDecision(true));
        }
        return operators.authorize(authentication, context);
    }
}
