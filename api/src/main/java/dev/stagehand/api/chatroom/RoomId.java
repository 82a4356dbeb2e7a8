package dev.stagehand.api.chatroom;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A chat room, by its slug (lower-case letters, digits and dashes, as in {@code /ws/rooms/pirate-cove}). As an aggregate
 * identifier it reads {@code room-<slug>}: identifiers share one event store.
 */
public record RoomId(String slug) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");

    public RoomId {
        Objects.requireNonNull(slug, "slug");
        if (!isSlug(slug)) {
            throw new IllegalArgumentException("A room's name in its address is 1 to 40 lower-case letters, digits "
                    + "and dashes: " + slug);
        }
    }

    public static boolean isSlug(String value) {
        return SLUG.matcher(value).matches();
    }

    @Override
    public String toString() {
        return "room-" + slug;
    }
}
