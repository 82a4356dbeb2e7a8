package dev.stagehand.twitchsim;

import dev.stagehand.twitchsim.emotes.EmoteProvider;
import java.net.URI;

/**
 * Where a simulator is reached, every API's address derived from its one base ({@code http://host:port}), whether it
 * runs in this process or elsewhere (several Stagehand nodes sharing one simulated Twitch).
 */
public record SimUrls(String base) {

    public SimUrls {
        URI uri = URI.create(base);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("A simulator's address is http://host:port, not " + base);
        }
        base = "http://" + uri.getHost() + ":" + uri.getPort();
    }

    /** For {@code TwitchChatBuilder.withBaseUrl}, tmi.js and other IRC-over-WebSocket clients. */
    public String chatUrl() {
        return "ws" + base.substring("http".length());
    }

    /** For {@code TwitchEventSocket.builder().baseUrl(...)}. */
    public String eventSubUrl() {
        return chatUrl() + "/eventsub";
    }

    /** For {@code TwitchHelixBuilder.withBaseUrl}. */
    public String helixUrl() {
        return base + "/helix";
    }

    /** For {@code TwitchIdentityProvider}'s base URL. */
    public String identityUrl() {
        return base + "/oauth2";
    }

    /** Base URLs of the simulated emote providers, e.g. {@code http://127.0.0.1:P/7tv/v3}. */
    public String emoteApiUrl(EmoteProvider provider) {
        return base + provider.pathPrefix();
    }

    /** Base URL of the simulated Discord, standing for {@code https://discord.com}. */
    public String discordUrl() {
        return base + "/discord";
    }

    /** The simulator's control API: channels, bursts, faults. */
    public String controlUrl() {
        return base + "/sim";
    }
}
