package dev.stagehand.gateway.twitch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The Twitch app Stagehand uses ({@code TWITCH_CLIENT_ID}, {@code TWITCH_CLIENT_SECRET}). */
@ConfigurationProperties("stagehand.twitch")
record TwitchProperties(String clientId, String clientSecret) {
}
