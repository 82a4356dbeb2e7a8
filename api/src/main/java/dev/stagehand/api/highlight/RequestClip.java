package dev.stagehand.api.highlight;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Clip the moment of this spike on Twitch, once. */
public record RequestClip(@TargetAggregateIdentifier ClipId clipId, ChatSpike spike) {

    public static RequestClip of(ChatSpike spike) {
        return new RequestClip(ClipId.of(spike), spike);
    }
}
