package dev.stagehand.twitchsim.discord;

import java.time.Instant;
import java.util.Map;

/**
 * What reached a simulated Discord webhook: a message executed ({@code POST}), edited ({@code PATCH}) or deleted
 * ({@code DELETE}), with the JSON body as sent and the status Discord answered (a refused request, such as a 429 or a
 * 400, has no message id), and the W3C {@code traceparent} header it came with, if any (Discord ignores it; the
 * simulator keeps it so that a test can follow a trace to Discord).
 */
public record DiscordDelivery(String webhookId, String messageId, String method, Map<String, Object> body,
                              Instant at, int status, String traceparent) {

    public boolean accepted() {
        return status < 300;
    }
}
