package dev.stagehand.sagas.twitch;

/** A Twitch account as Helix describes it. */
public record TwitchUser(String id, String login, String displayName) {
}
