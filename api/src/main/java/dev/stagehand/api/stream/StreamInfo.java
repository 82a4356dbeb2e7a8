package dev.stagehand.api.stream;

import java.time.Instant;

/**
 * A live stream as Twitch describes it.
 *
 * @param streamId     Twitch's id of this broadcast (a restarted stream gets a new one)
 * @param thumbnailUrl with Twitch's {@code {width}} and {@code {height}} placeholders
 */
public record StreamInfo(String streamId, String login, String displayName, String gameId, String gameName,
                         String title, String language, int viewerCount, String thumbnailUrl, Instant startedAt) {
}
