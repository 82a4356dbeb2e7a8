package dev.stagehand.api.account;

import dev.stagehand.api.common.SecretId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Twitch no longer accepts the token (revoked, or its refresh token refused). Ignored when the account moved on to a
 * newer token in the meantime.
 */
public record ReportTwitchAuthorizationLost(@TargetAggregateIdentifier AccountId accountId, SecretId token,
                                            String reason) {
}
