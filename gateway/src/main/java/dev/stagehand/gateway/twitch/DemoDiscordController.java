package dev.stagehand.gateway.twitch;

import dev.stagehand.platform.ConditionalOnBlankProperty;
import dev.stagehand.platform.problem.NotFoundException;
import dev.stagehand.twitchsim.SimUrls;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Demo mode's Discord, so that a newcomer can try go-live notifications: a webhook in the simulated Discord server's
 * channel for them to add, and that channel's messages as Discord would show them. Asked of the simulator's control
 * API, which may be shared by several nodes. Without the simulator (the real Twitch) these routes do not exist.
 */
@RestController
@RequestMapping("/api/demo/discord")
@ConditionalOnBlankProperty("stagehand.twitch.client-id")
class DemoDiscordController {

    private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{1,20}");
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> MESSAGES =
            new ParameterizedTypeReference<>() {
            };

    private final WebClient simulator;

    DemoDiscordController(SimUrls simulator) {
        this.simulator = WebClient.create(simulator.controlUrl());
    }

    /** @param url what to paste as the webhook's URL */
    record DemoWebhook(String id, String url) {
    }

    @PostMapping("/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<DemoWebhook> create() {
        return simulator.post().uri(uri -> uri.path("/discord/webhooks").queryParam("name", "Stagehand demo").build())
                .retrieve().bodyToMono(OBJECT)
                .map(made -> new DemoWebhook((String) made.get("id"), (String) made.get("url")));
    }

    /** The messages the demo channel shows now, as Discord returns them (edits applied, deletions gone). */
    @GetMapping("/webhooks/{webhookId}/messages")
    Mono<List<Map<String, Object>>> messages(@PathVariable String webhookId) {
        if (!SNOWFLAKE.matcher(webhookId).matches()) {
            throw new NotFoundException("The demo Discord has no webhook " + webhookId + ".");
        }
        return simulator.get().uri("/discord/webhooks/{id}/messages", webhookId).retrieve().bodyToMono(MESSAGES);
    }
}
