package dev.stagehand.api.chatroom;

import java.util.Objects;

/**
 * A chat room, by its slug (lower-case letters, digits and dashes, as in {@code /ws/rooms/pirate-cove}). As an aggregate
 * identifier it reads {@code room-<slug>}: identifiers share one event store.
 */
public record RoomId(String slug) {

    public RoomId {
        Objects.requireNonNull(slug, "slug");
        if (!slug.matches("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?")) {
            throw new IllegalArgumentException("A room's name in its address is 1 to 40 lower-case letters, digits "
                    + "and dashes: " + slug);
        }
    }

    @Override
    public String toString() {
        return "room-" + slug;
    }
}
