package dev.stagehand.api.account;

/**
 * Answered with an {@code Optional<TwitchAuthorization>}: that of the Twitch user with this login (any case), if
 * they logged in to Stagehand and Stagehand may still use their token.
 */
public record FindTwitchAuthorizationByLogin(String login) {
}
