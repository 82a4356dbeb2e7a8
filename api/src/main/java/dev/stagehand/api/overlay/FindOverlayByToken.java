package dev.stagehand.api.overlay;

/** Answered with an {@code Optional<OverlayView>}: the live overlay whose URL secret hashes to {@code tokenHash}. */
public record FindOverlayByToken(String tokenHash) {
}
