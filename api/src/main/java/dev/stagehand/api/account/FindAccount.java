package dev.stagehand.api.account;

/** Answered with an {@code Optional<AccountView>}: empty when no such account exists. */
public record FindAccount(AccountId accountId) {
}
