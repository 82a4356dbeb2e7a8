package dev.stagehand.gateway.security;

import dev.stagehand.api.account.AccountId;

/** Who is logged in. A controller method that declares a parameter of this type gets the logged-in account. */
public record CurrentAccount(AccountId id, boolean operator) {
}
