package dev.stagehand.gateway.twitch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param twitchSimPort the demo simulator's loopback port (0 picks a free one)
 * @param twitchSimUrl  where a simulator shared by several nodes runs ({@code http://host:port}); none is started then
 */
@ConfigurationProperties("stagehand.demo")
record DemoProperties(@DefaultValue("0") int twitchSimPort, String twitchSimUrl) {
}
