package dev.stagehand.gateway.platform;

import dev.stagehand.gateway.twitch.TwitchEndpoints;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the dashboard needs to know about this deployment before anyone logs in. */
@RestController
class PlatformController {

    private final TwitchEndpoints twitch;

    PlatformController(TwitchEndpoints twitch) {
        this.twitch = twitch;
    }

    record Platform(boolean demo, String twitchSimulator) {
    }

    @GetMapping("/api/platform")
    Platform platform() {
        return new Platform(twitch.simulated(), twitch.controlUrl());
    }
}
