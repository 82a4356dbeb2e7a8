package dev.stagehand.twitchsim.eventsub;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A subscription delivered over one WebSocket session. */
record EventSubSubscription(String id, String type, String version, Map<String, String> condition, String sessionId,
                            String clientId, String userId, int cost, Instant createdAt) {

    Map<String, Object> json(Instant connectedAt) {
        Map<String, Object> transport = new LinkedHashMap<>();
        transport.put("method", "websocket");
        transport.put("session_id", sessionId);
        transport.put("connected_at", connectedAt.toString());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("status", "enabled");
        json.put("type", type);
        json.put("version", version);
        json.put("condition", condition);
        json.put("created_at", createdAt.toString());
        json.put("transport", transport);
        json.put("cost", cost);
        return json;
    }

    boolean sameAs(EventSubSubscription other) {
        return type.equals(other.type) && version.equals(other.version) && condition.equals(other.condition)
                && sessionId.equals(other.sessionId);
    }
}
