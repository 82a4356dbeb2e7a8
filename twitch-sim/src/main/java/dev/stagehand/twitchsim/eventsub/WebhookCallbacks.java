package dev.stagehand.twitchsim.eventsub;

import dev.stagehand.twitchsim.http.Http;
import dev.stagehand.twitchsim.world.SimWorld;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import reactor.core.publisher.Mono;

/**
 * EventSub's webhook transport, Twitch's side: proves a new callback with a challenge, then POSTs each message signed
 * with HMAC-SHA256 over message id, timestamp and body. A callback that does not answer 2xx is retried with the same
 * message id; one that keeps failing loses its subscription ({@code notification_failures_exceeded}).
 */
final class WebhookCallbacks {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SimWorld world;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final AtomicLong notificationsAccepted = new AtomicLong();
    private volatile List<Duration> retries = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4));
    private volatile boolean duplicates;

    WebhookCallbacks(SimWorld world) {
        this.world = world;
    }

    /** Waits between the attempts after a failed one; when they are spent, the subscription is revoked. */
    void retries(List<Duration> waits) {
        retries = List.copyOf(waits);
    }

    /** Sends every notification twice, as Twitch says it may: subscribers must drop repeated message ids. */
    void duplicates(boolean on) {
        duplicates = on;
    }

    long notificationsAccepted() {
        return notificationsAccepted.get();
    }

    /** Whether the callback answers the challenge with 200 and exactly the challenge. */
    Mono<Boolean> verify(EventSubSubscription pending) {
        String challenge = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("challenge", challenge);
        body.put("subscription", pending.json(pending.createdAt()));
        return post(pending, "webhook_callback_verification", UUID.randomUUID().toString(), 0, Http.toJson(body))
                .map(response -> response.statusCode() == 200 && challenge.equals(response.body()))
                .onErrorReturn(false);
    }

    /** Delivers a notification; {@code failuresExceeded} runs when every retry failed. */
    void notify(EventSubSubscription subscription, Map<String, Object> event, Runnable failuresExceeded) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subscription", subscription.json(subscription.createdAt()));
        body.put("event", event);
        String json = Http.toJson(body);
        String messageId = UUID.randomUUID().toString();
        attempt(subscription, messageId, json, 0, failuresExceeded);
        if (duplicates) {
            attempt(subscription, messageId, json, 0, () -> { });
        }
    }

    /** Tells the callback its subscription ended, once, as Twitch does. */
    void revoked(EventSubSubscription revoked) {
        post(revoked, "revocation", UUID.randomUUID().toString(), 0,
                Http.toJson(Map.of("subscription", revoked.json(revoked.createdAt()))))
                .onErrorResume(unreachable -> Mono.empty()).subscribe();
    }

    private void attempt(EventSubSubscription subscription, String messageId, String json, int retry,
                         Runnable failuresExceeded) {
        post(subscription, "notification", messageId, retry, json)
                .map(response -> response.statusCode() / 100 == 2)
                .onErrorReturn(false)
                .subscribe(accepted -> {
                    if (accepted) {
                        notificationsAccepted.incrementAndGet();
                    } else if (retry < retries.size()) {
                        Mono.delay(retries.get(retry)).subscribe(tick ->
                                attempt(subscription, messageId, json, retry + 1, failuresExceeded));
                    } else {
                        failuresExceeded.run();
                    }
                });
    }

    private Mono<HttpResponse<String>> post(EventSubSubscription subscription, String messageType, String messageId,
                                            int retry, String json) {
        String timestamp = world.now().toString();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(subscription.transport().callback()))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Twitch-Eventsub-Message-Id", messageId)
                    .header("Twitch-Eventsub-Message-Retry", Integer.toString(retry))
                    .header("Twitch-Eventsub-Message-Type", messageType)
                    .header("Twitch-Eventsub-Message-Signature",
                            "sha256=" + sign(subscription.transport().secret(), messageId + timestamp + json))
                    .header("Twitch-Eventsub-Message-Timestamp", timestamp)
                    .header("Twitch-Eventsub-Subscription-Type", subscription.type())
                    .header("Twitch-Eventsub-Subscription-Version", subscription.version())
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException badCallback) {
            return Mono.error(badCallback);
        }
        return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }

    static String sign(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
