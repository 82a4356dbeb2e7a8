package dev.stagehand.api.account;

/** Answered with a {@code List<TwitchAuthorization>}: every streamer whose Twitch token Stagehand holds and may use. */
public record FindTwitchAuthorizations() {
}
