package dev.stagehand.api.highlight;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attempt {@code attempt} did not make the clip.
 *
 * @param status        Twitch's HTTP status, 0 when Twitch did not answer or nothing was asked
 * @param nextAttemptAt when the next attempt is due; {@code null} when there is none: the clip failed
 */
public record RecordClipAttemptFailed(@TargetAggregateIdentifier ClipId clipId, int attempt, int status,
                                      String reason, Instant nextAttemptAt) {
}
