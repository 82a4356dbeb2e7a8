package dev.stagehand.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a person on their first login; the identity they logged in with is linked at once. */
public record RegisterAccount(@TargetAggregateIdentifier AccountId accountId, String displayName,
                              ExternalIdentity identity) {
}
