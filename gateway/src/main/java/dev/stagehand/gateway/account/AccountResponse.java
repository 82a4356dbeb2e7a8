package dev.stagehand.gateway.account;

import dev.stagehand.api.account.AccountView;
import java.time.Instant;

record AccountResponse(String id, String displayName, boolean operator, Instant registeredAt, Instant updatedAt) {

    static AccountResponse of(AccountView view) {
        return new AccountResponse(view.accountId().value(), view.displayName(), view.operator(),
                view.registeredAt(), view.updatedAt());
    }
}
