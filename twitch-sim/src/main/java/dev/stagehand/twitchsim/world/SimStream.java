package dev.stagehand.twitchsim.world;

import java.time.Instant;
import java.util.List;

/** A live broadcast, as Helix's /streams shows it. */
public record SimStream(String id, SimUser broadcaster, SimGame game, String title, int viewerCount, Instant startedAt,
                        String language, List<String> tags, boolean mature) {

    public String thumbnailUrl() {
        return "https://static-cdn.jtvnw.net/previews-ttv/live_user_" + broadcaster.login() + "-{width}x{height}.jpg";
    }
}
