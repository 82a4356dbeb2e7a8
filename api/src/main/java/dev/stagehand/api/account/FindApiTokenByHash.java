package dev.stagehand.api.account;

/** Answered with an {@code Optional<ApiTokenView>}: the unrevoked token whose SHA-256 is {@code hash}. */
public record FindApiTokenByHash(String hash) {
}
