package dev.stagehand.sagas.notification;

import dev.stagehand.platform.metrics.OutboundCalls;
import dev.stagehand.platform.tracing.Traces;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Discord webhooks over HTTP: {@code POST {url}?wait=true}, so that Discord answers with the message and its id, and
 * {@code PATCH} or {@code DELETE {url}/messages/{id}} for it later. A 429 carries the {@code retry_after} of its body,
 * whatever the rate-limit headers say (Discord sometimes answers 429 while they say requests remain).
 */
@Component
class HttpDiscordWebhooks implements DiscordWebhooks {

    private static final Logger log = LoggerFactory.getLogger(HttpDiscordWebhooks.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String MESSAGE = "/webhooks/{id}/{token}/messages/{message}";

    private final JsonMapper json;
    private final OutboundCalls calls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Traces traces;

    HttpDiscordWebhooks(JsonMapper json, OutboundCalls calls, Traces traces) {
        this.json = json;
        this.calls = calls;
        this.traces = traces;
    }

    @Override
    public DeliveryOutcome post(String url, Map<String, Object> message) {
        return send("POST /webhooks/{id}/{token}", HttpRequest.newBuilder(URI.create(url + "?wait=true"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(message))));
    }

    @Override
    public DeliveryOutcome edit(String url, String messageId, Map<String, Object> message) {
        return send("PATCH " + MESSAGE, HttpRequest.newBuilder(URI.create(url + "/messages/" + messageId))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json.writeValueAsString(message))));
    }

    @Override
    public DeliveryOutcome delete(String url, String messageId) {
        return send("DELETE " + MESSAGE, HttpRequest.newBuilder(URI.create(url + "/messages/" + messageId))
                .DELETE());
    }

    /** Sends the request in the current trace, which its {@code traceparent} header carries on. */
    private DeliveryOutcome send(String endpoint, HttpRequest.Builder request) {
        traces.currentFields().forEach(request::header);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            calls.record(OutboundCalls.DISCORD, endpoint, OutboundCalls.status(response.statusCode()), start);
            log.debug("Discord answered {} to {}", response.statusCode(), endpoint);
            long took = (System.nanoTime() - start) / 1_000_000;
            JsonNode body = parsed(response.body());
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                return new DeliveryOutcome(response.statusCode(), body.path("id").asString(null), null, "done", took);
            }
            Duration retryAfter = response.statusCode() == 429
                    ? Duration.ofMillis((long) Math.ceil(body.path("retry_after").asDouble(1) * 1000)) : null;
            String reason = body.path("message").asString("");
            return new DeliveryOutcome(response.statusCode(), null, retryAfter,
                    reason.isBlank() ? "Discord answered " + response.statusCode() : reason, took);
        } catch (java.io.IOException failure) {
            calls.record(OutboundCalls.DISCORD, endpoint, OutboundCalls.status(0), start);
            return new DeliveryOutcome(0, null, null, "Discord could not be reached: " + failure.getMessage(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome(0, null, null, "interrupted", (System.nanoTime() - start) / 1_000_000);
        }
    }

    private JsonNode parsed(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (RuntimeException notJson) {
            return json.readTree("{}");
        }
    }
}
