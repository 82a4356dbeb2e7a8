package dev.stagehand.api.account;

import dev.stagehand.api.common.SecretId;
import org.axonframework.serialization.Revision;

/** @param token the stored Twitch token; {@code null} for Discord */
@Revision("1")
public record IdentityLinked(AccountId accountId, Provider provider, PersonalData userId, PersonalData login,
                             PersonalData displayName, SecretId token) {
}
