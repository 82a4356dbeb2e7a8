package dev.stagehand.api.highlight;

import java.time.Instant;

/**
 * A clip Stagehand asked for, however it went.
 *
 * @param status   {@code REQUESTED} while being made, then {@code CREATED} or {@code FAILED}
 * @param clip     Twitch's clip, once created
 * @param failure  why there is no clip, once failed
 * @param attempts the attempts made so far
 */
public record ClipView(ClipId clipId, String channelId, String status, ChatSpike spike, TwitchClip clip,
                       String failure, int attempts, Instant requestedAt, Instant updatedAt) {
}
