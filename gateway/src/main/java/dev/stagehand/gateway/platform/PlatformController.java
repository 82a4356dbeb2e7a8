package dev.stagehand.gateway.platform;

import dev.stagehand.sagas.discord.DiscordEndpoints;
import dev.stagehand.sagas.emote.EmoteImageUrls;
import dev.stagehand.sagas.twitch.TwitchEndpoints;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the dashboard needs to know about this deployment before anyone logs in. */
@RestController
class PlatformController {

    private final Platform platform;

    PlatformController(TwitchEndpoints twitch, ObjectProvider<DiscordEndpoints> discord, EmoteImageUrls emotes) {
        List<String> providers = discord.getIfAvailable() == null ? List.of("twitch") : List.of("twitch", "discord");
        this.platform = new Platform(twitch.simulated(), twitch.controlUrl(), providers, emotes.templates());
    }

    /**
     * @param loginProviders the providers one can log in with, at {@code /oauth2/authorization/{provider}}
     * @param emoteImages    where each emote provider's images are, as URL templates with {@code {id}}
     */
    record Platform(boolean demo, String twitchSimulator, List<String> loginProviders,
                    Map<String, String> emoteImages) {
    }

    @GetMapping("/api/platform")
    Platform platform() {
        return platform;
    }
}
