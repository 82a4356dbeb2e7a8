package dev.stagehand.api.overlay;

import dev.stagehand.api.account.AccountId;

/** Answered with a {@code List<OverlayView>}. */
public record FindOverlaysOf(AccountId owner) {
}
