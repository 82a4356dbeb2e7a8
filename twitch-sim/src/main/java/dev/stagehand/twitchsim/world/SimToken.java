package dev.stagehand.twitchsim.world;

import java.time.Instant;
import java.util.List;

/**
 * An OAuth access token the simulator issued: a user token when {@code user} is set, an app token otherwise.
 */
public record SimToken(String accessToken, String refreshToken, String clientId, SimUser user, List<String> scopes,
                       Instant expiresAt) {

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    public long expiresInSeconds(Instant now) {
        return Math.max(0, expiresAt.getEpochSecond() - now.getEpochSecond());
    }
}
