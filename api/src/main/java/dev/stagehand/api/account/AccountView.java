package dev.stagehand.api.account;

import java.time.Instant;

public record AccountView(AccountId accountId, String displayName, boolean operator, Instant registeredAt,
                          Instant updatedAt) {
}
