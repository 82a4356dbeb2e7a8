package dev.stagehand.twitchsim.discord;

import java.time.Instant;
import java.util.Map;

/**
 * What reached a simulated Discord webhook: a message executed ({@code POST}), edited ({@code PATCH}) or deleted
 * ({@code DELETE}), with the JSON body as sent.
 */
public record DiscordDelivery(String webhookId, String messageId, String method, Map<String, Object> body,
                              Instant at) {
}
