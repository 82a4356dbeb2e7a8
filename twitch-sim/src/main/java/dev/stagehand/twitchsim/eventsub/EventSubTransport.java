package dev.stagehand.twitchsim.eventsub;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a subscription's notifications go: a WebSocket session, or a webhook callback that signs them with the
 * subscriber's secret (which Helix never shows again).
 */
record EventSubTransport(String method, String sessionId, String callback, String secret) {

    static final String WEBSOCKET = "websocket";
    static final String WEBHOOK = "webhook";

    static EventSubTransport websocket(String sessionId) {
        return new EventSubTransport(WEBSOCKET, sessionId, null, null);
    }

    static EventSubTransport webhook(String callback, String secret) {
        return new EventSubTransport(WEBHOOK, null, callback, secret);
    }

    boolean isWebhook() {
        return WEBHOOK.equals(method);
    }

    Map<String, Object> json(Instant connectedAt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", method);
        if (isWebhook()) {
            json.put("callback", callback);
        } else {
            json.put("session_id", sessionId);
            json.put("connected_at", connectedAt.toString());
        }
        return json;
    }

    /** Twitch refuses a second subscription with the same type and condition on the same session or callback. */
    boolean sameDestination(EventSubTransport other) {
        return method.equals(other.method) && (isWebhook() ? callback.equals(other.callback)
                : sessionId.equals(other.sessionId));
    }
}
