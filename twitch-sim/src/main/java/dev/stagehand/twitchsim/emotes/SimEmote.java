package dev.stagehand.twitchsim.emotes;

/** A third-party emote: its provider's id, the word that shows it, and how it renders. */
public record SimEmote(String id, String code, boolean animated, boolean zeroWidth) {
}
