package dev.stagehand.sagas.twitch;

/** A game (Twitch category) as Helix knows it. */
public record TwitchGame(String id, String name) {
}
