package dev.stagehand.api.stream;

/**
 * The identifier of a broadcaster's {@code Stream} aggregate. Not the bare Twitch user id: aggregate identifiers share
 * one event store, and the broadcaster's {@code Channel} already uses that.
 */
public final class StreamKey {

    private StreamKey() {
    }

    public static String of(String broadcasterId) {
        return "stream-" + broadcasterId;
    }
}
