package dev.stagehand.gateway.twitch;

import dev.stagehand.platform.ConditionalOnBlankProperty;
import dev.stagehand.sagas.discord.DiscordApi;
import dev.stagehand.sagas.discord.DiscordEndpoints;
import dev.stagehand.sagas.emote.EmoteEndpoints;
import dev.stagehand.sagas.twitch.TwitchEndpoints;
import dev.stagehand.twitchsim.SimUrls;
import dev.stagehand.twitchsim.TwitchSim;
import dev.stagehand.twitchsim.discord.SimDiscord;
import dev.stagehand.twitchsim.emotes.EmoteProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The real Twitch when a client id is configured; otherwise the demo: the bundled simulator, which also plays Discord
 * unless a Discord app is configured. With the real Twitch and no Discord app, Discord login is off.
 */
@Configuration(proxyBeanMethods = false)
class TwitchConfiguration {

    @Bean
    @ConditionalOnBlankProperty(value = "stagehand.twitch.client-id", blank = false)
    TwitchEndpoints twitchEndpoints(TwitchProperties properties) {
        return new TwitchEndpoints(false, properties.clientId(), properties.clientSecret(),
                "wss://irc-ws.chat.twitch.tv:443", "https://api.twitch.tv/helix", "https://id.twitch.tv/oauth2",
                "wss://eventsub.wss.twitch.tv/ws", null);
    }

    @Bean
    @ConditionalOnBlankProperty(value = "stagehand.twitch.client-id", blank = false)
    EmoteEndpoints emoteEndpoints() {
        return new EmoteEndpoints("https://api.betterttv.net", "https://api.frankerfacez.com", "https://7tv.io");
    }

    @Bean
    @ConditionalOnBlankProperty(value = "stagehand.twitch.client-id", blank = false)
    DiscordApi discordApi() {
        return new DiscordApi(false, "https://discord.com/api");
    }

    @Bean
    @ConditionalOnBlankProperty(value = "stagehand.discord.client-id", blank = false)
    DiscordEndpoints discordEndpoints(DiscordProperties properties) {
        return new DiscordEndpoints(false, properties.clientId(), properties.clientSecret(),
                "https://discord.com/oauth2/authorize", "https://discord.com/api");
    }

    /**
     * The demo's simulated Twitch: started in this process, or shared with other nodes when
     * {@code stagehand.demo.twitch-sim-url} says where one runs.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBlankProperty("stagehand.twitch.client-id")
    static class Demo {

        @Bean(destroyMethod = "close")
        @ConditionalOnBlankProperty("stagehand.demo.twitch-sim-url")
        TwitchSim twitchSim(DemoProperties properties) {
            return DemoWorld.start(properties.twitchSimPort());
        }

        @Bean
        SimUrls simUrls(DemoProperties properties, ObjectProvider<TwitchSim> twitch) {
            return properties.twitchSimUrl() == null || properties.twitchSimUrl().isBlank()
                    ? twitch.getObject().urls() : new SimUrls(properties.twitchSimUrl());
        }

        @Bean
        @ConditionalOnBlankProperty("stagehand.discord.client-id")
        DiscordEndpoints simulatedDiscordEndpoints(SimUrls twitch) {
            return new DiscordEndpoints(true, SimDiscord.CLIENT_ID, SimDiscord.CLIENT_SECRET,
                    twitch.discordUrl() + "/oauth2/authorize", twitch.discordUrl() + "/api");
        }

        @Bean
        DiscordApi simulatedDiscordApi(SimUrls twitch) {
            return new DiscordApi(true, twitch.discordUrl() + "/api");
        }

        @Bean
        EmoteEndpoints simulatedEmoteEndpoints(SimUrls twitch) {
            return new EmoteEndpoints(twitch.emoteApiUrl(EmoteProvider.BTTV), twitch.emoteApiUrl(EmoteProvider.FFZ),
                    twitch.emoteApiUrl(EmoteProvider.SEVENTV));
        }

        @Bean
        TwitchEndpoints simulatedTwitchEndpoints(SimUrls twitch) {
            return new TwitchEndpoints(true, TwitchSim.CLIENT_ID, TwitchSim.CLIENT_SECRET, twitch.chatUrl(),
                    twitch.helixUrl(), twitch.identityUrl(), twitch.eventSubUrl(), twitch.controlUrl());
        }
    }
}
