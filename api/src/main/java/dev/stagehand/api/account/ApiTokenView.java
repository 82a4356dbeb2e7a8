package dev.stagehand.api.account;

import java.time.Instant;

/** A personal API token as its owner sees it listed (never the token itself, which is shown once). */
public record ApiTokenView(String tokenId, AccountId accountId, String name, boolean write, boolean admin,
                           Instant createdAt, Instant expiresAt) {
}
