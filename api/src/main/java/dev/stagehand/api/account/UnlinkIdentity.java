package dev.stagehand.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnlinkIdentity(@TargetAggregateIdentifier AccountId accountId, Provider provider) {
}
