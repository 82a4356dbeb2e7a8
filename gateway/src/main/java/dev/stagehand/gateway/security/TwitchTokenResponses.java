package dev.stagehand.gateway.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.BodyExtractor;
import org.springframework.web.reactive.function.BodyExtractors;
import reactor.core.publisher.Mono;

/**
 * Reads token responses that send {@code scope} as a JSON array, as Twitch does (RFC 6749 says a space-separated
 * string, which is all Spring's own reader accepts), and errors in Twitch's shape ({@code {status, message}}).
 */
final class TwitchTokenResponses {

    private static final DefaultMapOAuth2AccessTokenResponseConverter CONVERTER =
            new DefaultMapOAuth2AccessTokenResponseConverter();
    private static final BodyExtractor<Mono<Map<String, Object>>, ReactiveHttpInputMessage> JSON =
            BodyExtractors.toMono(new ParameterizedTypeReference<>() {
            });

    private TwitchTokenResponses() {
    }

    static BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> extractor() {
        return (input, context) -> JSON.extract(input, context).map(TwitchTokenResponses::read);
    }

    private static OAuth2AccessTokenResponse read(Map<String, Object> body) {
        if (!(body.get("access_token") instanceof String)) {
            Object reason = body.getOrDefault("message", body.getOrDefault("error", "no access token"));
            throw new OAuth2AuthorizationException(new OAuth2Error("invalid_token_response",
                    "The token endpoint refused the code: " + reason, null));
        }
        Map<String, Object> normalized = new HashMap<>(body);
        if (body.get("scope") instanceof Collection<?> scopes) {
            normalized.put("scope", scopes.stream().map(String::valueOf).collect(Collectors.joining(" ")));
        }
        return CONVERTER.convert(normalized);
    }
}
