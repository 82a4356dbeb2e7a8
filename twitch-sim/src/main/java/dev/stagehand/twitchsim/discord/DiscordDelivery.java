package dev.stagehand.twitchsim.discord;

import java.time.Instant;
import java.util.Map;

/**
 * What reached a simulated Discord webhook: a message executed ({@code POST}), edited ({@code PATCH}) or deleted
 * ({@code DELETE}), with the JSON body as sent and the status Discord answered (a refused request, such as a 429 or a
 * 400, has no message id).
 */
public record DiscordDelivery(String webhookId, String messageId, String method, Map<String, Object> body,
                              Instant at, int status) {

    public boolean accepted() {
        return status < 300;
    }
}
