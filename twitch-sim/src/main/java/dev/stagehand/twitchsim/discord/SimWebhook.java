package dev.stagehand.twitchsim.discord;

/** A Discord webhook: {@code POST /api/webhooks/{id}/{token}} posts into its channel. */
public record SimWebhook(String id, String token, String name, String channelId, String guildId) {

    /** The URL a Discord server admin copies from Discord's settings, pointing at the simulator. */
    public String url(String discordBaseUrl) {
        return discordBaseUrl + "/api/webhooks/" + id + "/" + token;
    }
}
