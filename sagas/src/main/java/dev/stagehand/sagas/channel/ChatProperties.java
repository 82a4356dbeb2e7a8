package dev.stagehand.sagas.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param channelsPerConnection how many chats one connection reads before Stagehand opens another (Twitch lets one
 *                              account be in about 100 channels at once)
 */
@ConfigurationProperties("stagehand.chat")
public record ChatProperties(@DefaultValue("100") int channelsPerConnection) {
}
