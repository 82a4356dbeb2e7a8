package dev.stagehand.api.history;

/** The identifier of a Twitch chatter's {@code ChatterPrivacy} aggregate (identifiers share one event store). */
public final class ChatterKey {

    private ChatterKey() {
    }

    public static String of(String twitchUserId) {
        return "chatter-" + twitchUserId;
    }
}
