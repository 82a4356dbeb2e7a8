package dev.stagehand.gateway.twitch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The Discord app Stagehand logs people in with ({@code DISCORD_CLIENT_ID}, {@code DISCORD_CLIENT_SECRET}). */
@ConfigurationProperties("stagehand.discord")
record DiscordProperties(String clientId, String clientSecret) {
}
