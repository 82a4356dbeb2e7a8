package dev.stagehand.api.highlight;

import java.util.List;

/**
 * A page of the public highlight feed.
 *
 * @param total how many clips the whole feed holds under the same filters
 */
public record PublicClips(List<PublicClip> clips, long total) {

    public PublicClips {
        clips = List.copyOf(clips);
    }

    /** @param streamerLogin the channel's Twitch login */
    public record PublicClip(ClipView clip, String streamerLogin) {
    }
}
