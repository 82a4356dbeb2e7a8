package dev.stagehand.gateway.security;

import dev.stagehand.sagas.discord.DiscordEndpoints;
import dev.stagehand.sagas.twitch.TwitchEndpoints;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginReactiveAuthenticationManager;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The two login providers, Twitch and Discord (Discord only where it is configured or simulated), both by
 * authorization code with {@code state} and PKCE, against the endpoints the deployment uses: real or simulated.
 */
@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

    static final String TWITCH = "twitch";
    static final String DISCORD = "discord";
    private static final String REDIRECT = "{baseUrl}/login/oauth2/code/{registrationId}";

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(TwitchEndpoints twitch,
                                                             ObjectProvider<DiscordEndpoints> discord,
                                                             LoginProperties properties) {
        List<ClientRegistration> registrations = new ArrayList<>();
        registrations.add(ClientRegistration.withRegistrationId(TWITCH)
                .clientName("Twitch")
                .clientId(twitch.clientId())
                .clientSecret(twitch.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(REDIRECT)
                .scope(properties.twitchScopes())
                .authorizationUri(twitch.identityUrl() + "/authorize")
                .tokenUri(twitch.identityUrl() + "/token")
                .userInfoUri(twitch.helixUrl() + "/users")
                .userNameAttributeName("id")
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build());
        discord.ifAvailable(endpoints -> registrations.add(ClientRegistration.withRegistrationId(DISCORD)
                .clientName("Discord")
                .clientId(endpoints.clientId())
                .clientSecret(endpoints.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(REDIRECT)
                .scope("identify")
                .authorizationUri(endpoints.authorizeUrl())
                .tokenUri(endpoints.apiUrl() + "/oauth2/token")
                .userInfoUri(endpoints.apiUrl() + "/v10/users/@me")
                .userNameAttributeName("id")
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build()));
        return new InMemoryReactiveClientRegistrationRepository(registrations);
    }

    static OAuth2LoginReactiveAuthenticationManager authenticationManager() {
        WebClientReactiveAuthorizationCodeTokenResponseClient tokens =
                new WebClientReactiveAuthorizationCodeTokenResponseClient();
        tokens.setBodyExtractor(TwitchTokenResponses.extractor());
        return new OAuth2LoginReactiveAuthenticationManager(tokens, new ProviderUsers());
    }
}
