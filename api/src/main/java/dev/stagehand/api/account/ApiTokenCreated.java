package dev.stagehand.api.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ApiTokenCreated(AccountId accountId, String tokenId, String name, String hash, boolean write,
                              boolean admin, Instant expiresAt) {
}
