package dev.stagehand.api.highlight;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import org.axonframework.serialization.Revision;

/**
 * The broadcaster's highlight settings. Revision 1 also said whether the broadcaster auto-clipped; since revision 2
 * every subscriber chooses that for themselves ({@link AutoClipChosen}).
 *
 * @param autoClip      the broadcaster's own auto-clipping, in revision 1 events only; {@code null} since
 * @param rule          the channel's own spike rule; {@code null} for the deployment's default
 * @param othersMayClip whether other subscribers may auto-clip the channel (true in revision 1 events)
 * @param publicClips   whether its clips are in the public highlight feed (false in revision 1 events)
 * @param publicStats   whether anyone may read its chat statistics (false in events from before it was asked)
 */
@Revision("2")
public record HighlightsConfigured(ChannelId channelId, AccountId broadcaster, Boolean autoClip, SpikeRule rule,
                                   Boolean othersMayClip, Boolean publicClips, Boolean publicStats) {

    public HighlightsConfigured {
        othersMayClip = othersMayClip == null || othersMayClip;
        publicClips = publicClips != null && publicClips;
        publicStats = publicStats != null && publicStats;
    }

    public HighlightsConfigured(ChannelId channelId, AccountId broadcaster, SpikeRule rule, boolean othersMayClip,
                                boolean publicClips, boolean publicStats) {
        this(channelId, broadcaster, null, rule, othersMayClip, publicClips, publicStats);
    }
}
