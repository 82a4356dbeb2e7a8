package dev.stagehand.gateway.security;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Who logged in. Discord answers the standard way ({@code /users/@me}); Twitch's user is the single entry of Helix's
 * {@code GET /users}, which also wants the app's {@code Client-Id}.
 */
final class ProviderUsers implements ReactiveOAuth2UserService<OAuth2UserRequest, OAuth2User> {

    private static final ParameterizedTypeReference<Map<String, List<Map<String, Object>>>> HELIX_USERS =
            new ParameterizedTypeReference<>() {
            };

    private final DefaultReactiveOAuth2UserService standard = new DefaultReactiveOAuth2UserService();
    private final WebClient web = WebClient.create();

    @Override
    public Mono<OAuth2User> loadUser(OAuth2UserRequest request) {
        if (!LoginConfiguration.TWITCH.equals(request.getClientRegistration().getRegistrationId())) {
            return standard.loadUser(request);
        }
        return web.get()
                .uri(request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri())
                .header("Client-Id", request.getClientRegistration().getClientId())
                .headers(headers -> headers.setBearerAuth(request.getAccessToken().getTokenValue()))
                .retrieve()
                .bodyToMono(HELIX_USERS)
                .flatMap(body -> Mono.justOrEmpty(body.getOrDefault("data", List.of()).stream().findFirst()))
                .switchIfEmpty(Mono.error(() -> new OAuth2AuthenticationException(
                        new OAuth2Error("invalid_user_info_response", "Twitch did not say who logged in", null))))
                .map(user -> new DefaultOAuth2User(List.of(), user, "id"));
    }
}
