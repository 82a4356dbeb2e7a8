package dev.stagehand.sagas.account;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.SecretId;
import java.time.Duration;
import java.util.Optional;

/** The streamers' Twitch tokens: kept sealed in the secret store, validated and refreshed with Twitch. */
public interface TwitchTokens {

    SecretId store(AccountId owner, TwitchToken token);

    /**
     * Validates the token with Twitch (Twitch asks apps to do so hourly) and refreshes it when it is invalid or expires
     * within {@code horizon}.
     */
    TokenCheck check(SecretId token, Duration horizon);

    void forget(SecretId token);

    /** The token's current access token (the check above replaces it when it refreshes), if still stored. */
    Optional<String> accessToken(SecretId token);
}
