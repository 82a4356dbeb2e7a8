package dev.stagehand.api.account;

import dev.stagehand.api.common.SecretId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The streamer logged in with Twitch again: Stagehand acts for them with this new token from now on. */
public record RenewTwitchAuthorization(@TargetAggregateIdentifier AccountId accountId, SecretId token) {
}
