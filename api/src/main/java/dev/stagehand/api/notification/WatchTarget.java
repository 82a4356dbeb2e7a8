package dev.stagehand.api.notification;

import java.util.Objects;

/**
 * What a webhook subscription watches: one streamer, or everyone streaming one game.
 *
 * @param id   the Twitch user id or game id, as Helix resolved it
 * @param name the streamer's display name or the game's name, for people
 */
public record WatchTarget(Kind kind, String id, String name) {

    public enum Kind { STREAMER, GAME }

    public WatchTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
