package dev.stagehand.sagas.highlight;

import dev.stagehand.api.highlight.TwitchClip;
import java.util.Optional;

/** Twitch's clips: asking for one, and finding it once Twitch has made it. */
interface TwitchClips {

    /** {@code POST /helix/clips} with the broadcaster's own token (scope {@code clips:edit}). */
    ClipOutcome create(String broadcasterId, String accessToken);

    /**
     * The clip, once Twitch has made it.
     *
     * @throws dev.stagehand.sagas.twitch.TwitchUnavailableException when Twitch cannot be asked
     */
    Optional<TwitchClip> find(String twitchClipId);
}
