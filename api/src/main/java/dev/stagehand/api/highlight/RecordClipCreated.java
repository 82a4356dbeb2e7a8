package dev.stagehand.api.highlight;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordClipCreated(@TargetAggregateIdentifier ClipId clipId, TwitchClip clip) {
}
