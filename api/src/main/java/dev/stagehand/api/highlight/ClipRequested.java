package dev.stagehand.api.highlight;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A spike asked for a clip: the clip saga asks Twitch for it.
 *
 * @param clippers   the Twitch accounts whose tokens may make it, in order; revision 1 events, from before anyone but
 *                   the broadcaster could auto-clip, have none and mean the broadcaster's
 * @param publicFeed whether the clip is in the public highlight feed whatever the broadcaster chose (the top streams
 *                   watch asked for it); false in revision 1 events
 */
@Revision("2")
public record ClipRequested(ClipId clipId, String channelId, ChatSpike spike, List<String> clippers,
                            Boolean publicFeed) {

    public ClipRequested {
        clippers = clippers == null ? List.of(channelId) : List.copyOf(clippers);
        publicFeed = publicFeed != null && publicFeed;
    }
}
