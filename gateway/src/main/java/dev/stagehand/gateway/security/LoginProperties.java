package dev.stagehand.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param twitchScopes what a streamer allows Stagehand to do on Twitch when they log in (clips need clips:edit) */
@ConfigurationProperties("stagehand.login")
record LoginProperties(@DefaultValue("clips:edit") List<String> twitchScopes) {
}
