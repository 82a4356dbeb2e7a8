package dev.stagehand.gateway.twitch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param twitchSimPort the demo simulator's loopback port (0 picks a free one) */
@ConfigurationProperties("stagehand.demo")
record DemoProperties(@DefaultValue("0") int twitchSimPort) {
}
