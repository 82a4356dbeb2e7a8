package dev.stagehand.api.account;

import dev.stagehand.api.common.SecretId;
import java.time.Instant;

/**
 * @param token      the stored Twitch token Stagehand acts with; {@code null} for Discord
 * @param needsLogin Stagehand lost its Twitch authorization: the person must log in with Twitch again
 */
public record IdentityView(Provider provider, String userId, String login, String displayName, SecretId token,
                           boolean needsLogin, Instant linkedAt) {
}
