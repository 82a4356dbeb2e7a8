package dev.stagehand.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterAccount(@TargetAggregateIdentifier AccountId accountId, String displayName) {
}
