package dev.stagehand.api.highlight;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Clip the moment of this spike on Twitch, once.
 *
 * @param clippers   the Twitch accounts whose tokens may make the clip, in the order to try them
 * @param publicFeed whether the clip belongs in the public highlight feed whatever the broadcaster chose (the top
 *                   streams watch asked for it)
 */
public record RequestClip(@TargetAggregateIdentifier ClipId clipId, ChatSpike spike, List<String> clippers,
                          boolean publicFeed) {

    public RequestClip {
        clippers = List.copyOf(clippers);
    }

    public static RequestClip of(ChatSpike spike, List<String> clippers, boolean publicFeed) {
        return new RequestClip(ClipId.of(spike), spike, clippers, publicFeed);
    }
}
