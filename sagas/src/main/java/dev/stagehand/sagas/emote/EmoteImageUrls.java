package dev.stagehand.sagas.emote;

import dev.stagehand.sagas.twitch.TwitchEndpoints;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Where overlays and the dashboard load each provider's emote images, as URL templates with {@code {id}}: the
 * providers' CDNs, or the simulator's images in demo mode, which work offline.
 */
@Component
public class EmoteImageUrls {

    private final Map<String, String> templates;

    EmoteImageUrls(TwitchEndpoints twitch) {
        if (twitch.simulated()) {
            String sim = twitch.helixUrl().replaceFirst("/helix$", "");
            this.templates = Map.of("TWITCH", sim + "/emotes/twitch/{id}/1x", "BTTV", sim + "/emotes/bttv/{id}/1x",
                    "FFZ", sim + "/emotes/ffz/{id}/1", "SEVENTV", sim + "/emotes/7tv/{id}/1x.webp");
        } else {
            this.templates = Map.of("TWITCH", "https://static-cdn.jtvnw.net/emoticons/v2/{id}/default/dark/1.0",
                    "BTTV", "https://cdn.betterttv.net/emote/{id}/1x", "FFZ", "https://cdn.frankerfacez.com/emote/{id}/1",
                    "SEVENTV", "https://cdn.7tv.app/emote/{id}/1x.webp");
        }
    }

    /** URL templates by provider ({@code TWITCH}, {@code BTTV}, {@code FFZ}, {@code SEVENTV}). */
    public Map<String, String> templates() {
        return templates;
    }
}
