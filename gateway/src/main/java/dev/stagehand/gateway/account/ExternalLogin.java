package dev.stagehand.gateway.account;

import dev.stagehand.api.account.Provider;
import dev.stagehand.sagas.account.TwitchToken;

/**
 * Someone who just proved who they are at a provider.
 *
 * @param token their Twitch token; {@code null} for Discord, whose token Stagehand does not keep
 */
public record ExternalLogin(Provider provider, String userId, String login, String displayName, TwitchToken token) {

    @Override
    public String toString() {
        return "ExternalLogin[" + provider + "]";
    }
}
