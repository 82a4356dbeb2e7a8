package dev.stagehand.sagas.discord;

/**
 * Where Stagehand reaches Discord and with which app: the real Discord, or the bundled simulator in demo mode.
 *
 * @param authorizeUrl the OAuth2 authorization page
 * @param apiUrl       the REST API base ({@code …/api}): OAuth2 token, users, webhooks
 */
public record DiscordEndpoints(boolean simulated, String clientId, String clientSecret, String authorizeUrl,
                               String apiUrl) {

    @Override
    public String toString() {
        return "DiscordEndpoints[simulated=" + simulated + ", apiUrl=" + apiUrl + "]";
    }
}
