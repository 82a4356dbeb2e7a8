package dev.stagehand.gateway.platform;

import dev.stagehand.sagas.discord.DiscordEndpoints;
import dev.stagehand.sagas.twitch.TwitchEndpoints;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the dashboard needs to know about this deployment before anyone logs in. */
@RestController
class PlatformController {

    private final Platform platform;

    PlatformController(TwitchEndpoints twitch, ObjectProvider<DiscordEndpoints> discord) {
        List<String> providers = discord.getIfAvailable() == null ? List.of("twitch") : List.of("twitch", "discord");
        this.platform = new Platform(twitch.simulated(), twitch.controlUrl(), providers);
    }

    /** @param loginProviders the providers one can log in with, at {@code /oauth2/authorization/{provider}} */
    record Platform(boolean demo, String twitchSimulator, List<String> loginProviders) {
    }

    @GetMapping("/api/platform")
    Platform platform() {
        return platform;
    }
}
