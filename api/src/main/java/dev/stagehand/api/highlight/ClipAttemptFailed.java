package dev.stagehand.api.highlight;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** @param nextAttemptAt when the next attempt is due; {@code null} when there is none */
@Revision("1")
public record ClipAttemptFailed(ClipId clipId, String channelId, int attempt, int status, String reason,
                                Instant nextAttemptAt) {
}
