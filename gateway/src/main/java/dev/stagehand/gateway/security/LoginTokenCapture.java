package dev.stagehand.gateway.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Hands the tokens of a login over to the success handler within the same request, and keeps them nowhere else:
 * Spring's default would hold them in memory on one node. Stagehand stores the Twitch token sealed in its secret store
 * and drops Discord's.
 */
final class LoginTokenCapture implements ServerOAuth2AuthorizedClientRepository {

    private static final String ATTRIBUTE = LoginTokenCapture.class.getName();

    static Optional<OAuth2AuthorizedClient> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    @Override
    public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String registrationId,
            Authentication principal, ServerWebExchange exchange) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                                           ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, client);
        return Mono.empty();
    }

    @Override
    public Mono<Void> removeAuthorizedClient(String registrationId, Authentication principal,
                                             ServerWebExchange exchange) {
        return Mono.empty();
    }
}
