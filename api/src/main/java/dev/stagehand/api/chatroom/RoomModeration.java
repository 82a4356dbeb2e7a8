package dev.stagehand.api.chatroom;

/**
 * A moderation every node must apply to its open rooms at once, on {@code stagehand.rooms.moderation}, keyed by room:
 * for now, a message taken down ({@code DELETED}).
 */
public record RoomModeration(int schemaVersion, String kind, String room, String messageId) {

    public static final int SCHEMA_VERSION = 1;
    public static final String DELETED = "DELETED";
}
