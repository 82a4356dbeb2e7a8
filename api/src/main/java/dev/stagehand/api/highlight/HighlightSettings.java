package dev.stagehand.api.highlight;

import dev.stagehand.api.account.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A channel's highlight settings as they apply now.
 *
 * @param rule          the rule its spikes are found with: its own, or the deployment's default
 * @param custom        whether the rule is the channel's own
 * @param othersMayClip whether subscribers other than the broadcaster may auto-clip it
 * @param publicClips   whether its clips are in the public highlight feed
 * @param publicStats   whether anyone may read its chat statistics, without a login
 * @param autoClippers  the subscribers who chose auto-clipping, first chosen first
 * @param paused        why Twitch refused its clips, while auto-clipping of it is paused; {@code null} otherwise
 */
public record HighlightSettings(String channelId, SpikeRule rule, boolean custom, boolean othersMayClip,
                                boolean publicClips, boolean publicStats, List<AutoClipper> autoClippers,
                                Pause paused) {

    public HighlightSettings {
        autoClippers = List.copyOf(autoClippers);
    }

    /** @param twitchUserId the Twitch account whose token makes this subscriber's clips */
    public record AutoClipper(AccountId subscriber, String twitchUserId, Instant since) {
    }

    public record Pause(String reason, Instant since) {
    }

    /** Whether this subscriber chose auto-clipping (which may not apply now: paused, or not allowed). */
    public boolean autoClips(AccountId subscriber) {
        return autoClippers.stream().anyMatch(clipper -> clipper.subscriber().equals(subscriber));
    }

    /**
     * The Twitch accounts to make a spike's clip with, in the order to try them: the broadcaster's, where they chose
     * auto-clipping, then the others' (where the broadcaster allows it) in the order they chose it; none while paused.
     */
    public List<String> clippers() {
        if (paused != null) {
            return List.of();
        }
        List<String> broadcaster = autoClippers.stream().map(AutoClipper::twitchUserId)
                .filter(channelId::equals).distinct().toList();
        if (!othersMayClip) {
            return broadcaster;
        }
        return Stream.concat(broadcaster.stream(), autoClippers.stream()
                .map(AutoClipper::twitchUserId).filter(id -> !id.equals(channelId))).distinct().toList();
    }
}
