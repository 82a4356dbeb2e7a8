package dev.stagehand.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenameAccount(@TargetAggregateIdentifier AccountId accountId, String displayName) {
}
