package dev.stagehand.twitchsim.eventsub;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A subscription and where its notifications go.
 *
 * @param userId the user whose token created it; null for a webhook subscription made with an app token
 * @param status {@code enabled}, or for webhooks also {@code webhook_callback_verification_pending}, {@code
 *               webhook_callback_verification_failed}, {@code notification_failures_exceeded}
 */
record EventSubSubscription(String id, String type, String version, Map<String, String> condition,
                            EventSubTransport transport, String clientId, String userId, int cost, Instant createdAt,
                            String status) {

    static final String ENABLED = "enabled";

    EventSubSubscription withStatus(String newStatus) {
        return new EventSubSubscription(id, type, version, condition, transport, clientId, userId, cost, createdAt,
                newStatus);
    }

    boolean enabled() {
        return ENABLED.equals(status);
    }

    String sessionId() {
        return transport.sessionId();
    }

    Map<String, Object> json(Instant connectedAt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("status", status);
        json.put("type", type);
        json.put("version", version);
        json.put("condition", condition);
        json.put("created_at", createdAt.toString());
        json.put("transport", transport.json(connectedAt));
        json.put("cost", cost);
        return json;
    }

    boolean sameAs(EventSubSubscription other) {
        return type.equals(other.type) && version.equals(other.version) && condition.equals(other.condition)
                && transport.sameDestination(other.transport);
    }
}
