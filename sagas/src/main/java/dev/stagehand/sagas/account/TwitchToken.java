package dev.stagehand.sagas.account;

import java.time.Instant;
import java.util.List;

/** A streamer's Twitch user token, as kept (sealed) in the secret store. */
public record TwitchToken(String accessToken, String refreshToken, Instant expiresAt, List<String> scopes) {

    @Override
    public String toString() {
        return "TwitchToken[expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
    }
}
