package dev.stagehand.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LinkIdentity(@TargetAggregateIdentifier AccountId accountId, ExternalIdentity identity) {
}
