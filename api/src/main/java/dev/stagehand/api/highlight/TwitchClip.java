package dev.stagehand.api.highlight;

import java.time.Instant;

/** A clip as Twitch shows it once made ({@code GET /helix/clips}). */
public record TwitchClip(String id, String url, String embedUrl, String thumbnailUrl, String title,
                         double durationSeconds, Instant createdAt) {
}
