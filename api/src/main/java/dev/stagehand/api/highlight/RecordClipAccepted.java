package dev.stagehand.api.highlight;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Twitch accepted attempt {@code attempt} and is making clip {@code twitchClipId}. */
public record RecordClipAccepted(@TargetAggregateIdentifier ClipId clipId, int attempt, String twitchClipId,
                                 String editUrl) {
}
