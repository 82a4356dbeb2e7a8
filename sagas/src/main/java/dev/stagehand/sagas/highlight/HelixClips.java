package dev.stagehand.sagas.highlight;

import com.github.twitch4j.helix.domain.Clip;
import dev.stagehand.api.highlight.TwitchClip;
import dev.stagehand.platform.metrics.OutboundCalls;
import dev.stagehand.sagas.twitch.AppHelix;
import dev.stagehand.sagas.twitch.TwitchEndpoints;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Helix clips. Creating one is a plain HTTP call, not twitch4j's: twitch4j retries a 503 by itself and reports other
 * failures in differently shaped exceptions, while the clip saga must see every answer to keep Twitch's retry schedule.
 * Finding one goes through twitch4j with the app token.
 */
@Component
class HelixClips implements TwitchClips {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TwitchEndpoints twitch;
    private final AppHelix helix;
    private final JsonMapper json;
    private final OutboundCalls calls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    HelixClips(TwitchEndpoints twitch, AppHelix helix, JsonMapper json, OutboundCalls calls) {
        this.twitch = twitch;
        this.calls = calls;
        this.helix = helix;
        this.json = json;
    }

    @Override
    public ClipOutcome create(String broadcasterId, String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(twitch.helixUrl() + "/clips?broadcaster_id="
                        + URLEncoder.encode(broadcasterId, StandardCharsets.UTF_8)))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("Client-Id", twitch.clientId())
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            calls.record(OutboundCalls.TWITCH_HELIX, "POST /clips", OutboundCalls.status(response.statusCode()), start);
            response.headers().firstValue("Ratelimit-Remaining").filter(points -> points.matches("\\d{1,9}"))
                    .ifPresent(points -> calls.remaining(OutboundCalls.TWITCH_HELIX, "user",
                            Integer.parseInt(points)));
            return outcome(response.statusCode(), response.body());
        } catch (IOException e) {
            calls.record(OutboundCalls.TWITCH_HELIX, "POST /clips", OutboundCalls.status(0), start);
            return new ClipOutcome(0, null, null, "Twitch could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ClipOutcome(0, null, null, "interrupted");
        }
    }

    private ClipOutcome outcome(int status, String body) {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (JacksonException unreadable) {
            return new ClipOutcome(status, null, null, "Twitch answered " + status + " with no readable body");
        }
        JsonNode created = answer.path("data").path(0);
        if (status == 202 && created.hasNonNull("id")) {
            return new ClipOutcome(status, created.path("id").asString(), created.path("edit_url").asString(),
                    "Twitch is making the clip");
        }
        if (status == 202) {
            return new ClipOutcome(status, null, null, "Twitch answered 202 without the clip's id");
        }
        String message = answer.path("message").asString("");
        return new ClipOutcome(status, null, null, "Twitch answered " + status + (message.isEmpty() ? ""
                : ": " + message));
    }

    @Override
    public Optional<TwitchClip> find(String twitchClipId) {
        List<Clip> clips = helix.call("GET /clips", (client, token) -> client.getClips(token, null, null,
                List.of(twitchClipId), null, null, 1, null, null, null)).getData();
        return clips == null ? Optional.empty() : clips.stream().findFirst().map(clip -> new TwitchClip(clip.getId(),
                clip.getUrl(), clip.getEmbedUrl(), clip.getThumbnailUrl(), clip.getTitle(),
                Objects.requireNonNullElse(clip.getDuration(), 0f),
                clip.getCreatedAtInstant()));
    }
}
