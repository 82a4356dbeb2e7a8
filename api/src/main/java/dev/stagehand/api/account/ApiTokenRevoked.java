package dev.stagehand.api.account;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ApiTokenRevoked(AccountId accountId, String tokenId) {
}
