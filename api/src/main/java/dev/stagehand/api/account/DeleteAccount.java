package dev.stagehand.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteAccount(@TargetAggregateIdentifier AccountId accountId) {
}
