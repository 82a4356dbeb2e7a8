package dev.stagehand.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeApiToken(@TargetAggregateIdentifier AccountId accountId, String tokenId) {
}
