package dev.stagehand.api.account;

import dev.stagehand.api.common.SecretId;
import java.util.Objects;

/**
 * Who a person is at a provider, as its login told us.
 *
 * @param token the stored OAuth token of a Twitch identity (Stagehand acts for the streamer with it); {@code null} for
 *              Discord, whose token is not kept after login
 */
public record ExternalIdentity(Provider provider, String userId, String login, String displayName, SecretId token) {

    public ExternalIdentity {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(displayName, "displayName");
    }

    @Override
    public String toString() {
        return "ExternalIdentity[" + provider + "]";
    }
}
