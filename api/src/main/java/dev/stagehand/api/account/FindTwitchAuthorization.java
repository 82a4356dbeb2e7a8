package dev.stagehand.api.account;

/** Answered with an {@code Optional<TwitchAuthorization>}: this Twitch user's, if Stagehand holds and may use it. */
public record FindTwitchAuthorization(String twitchUserId) {
}
