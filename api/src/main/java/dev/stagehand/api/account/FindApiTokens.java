package dev.stagehand.api.account;

/** Answered with a {@code List<ApiTokenView>}: the account's tokens that are not revoked, newest first. */
public record FindApiTokens(AccountId accountId) {
}
