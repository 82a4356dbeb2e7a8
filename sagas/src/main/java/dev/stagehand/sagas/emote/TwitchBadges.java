package dev.stagehand.sagas.emote;

import com.github.twitch4j.helix.domain.ChatBadgeSetList;
import dev.stagehand.sagas.twitch.AppHelix;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Twitch's chat badge images from Helix, by the {@code set/version} that chat messages carry ({@code subscriber/12}).
 * A failure is a {@link dev.stagehand.sagas.twitch.TwitchUnavailableException}, so the caller keeps what it had.
 */
@Component
class TwitchBadges {

    private final AppHelix helix;

    TwitchBadges(AppHelix helix) {
        this.helix = helix;
    }

    Map<String, String> global() {
        return images(helix.call("GET /chat/badges/global", (twitch, token) -> twitch.getGlobalChatBadges(token)));
    }

    Map<String, String> channel(String channelId) {
        return images(helix.call("GET /chat/badges", (twitch, token) -> twitch.getChannelChatBadges(token, channelId)));
    }

    /** The 2x images: badges are small, and OBS scenes are often scaled up. */
    private static Map<String, String> images(ChatBadgeSetList sets) {
        Map<String, String> images = new HashMap<>();
        sets.getBadgeSets().forEach(set -> set.getVersions().forEach(version -> images.put(
                set.getSetId() + "/" + version.getId(),
                version.getMediumImageUrl() != null ? version.getMediumImageUrl() : version.getSmallImageUrl())));
        return Map.copyOf(images);
    }
}
