package dev.stagehand.api.history;

/** Answered with a {@code Boolean}: whether this Twitch user opted out of chat history. */
public record FindChatHistoryOptOut(String twitchUserId) {
}
