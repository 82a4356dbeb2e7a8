package dev.stagehand.sagas.discord;

/**
 * Where Stagehand posts to Discord webhooks: the real Discord, or in demo mode the simulator's, whether or not
 * Discord login is configured.
 *
 * @param url the REST API base, {@code https://discord.com/api}
 */
public record DiscordApi(boolean simulated, String url) {
}
