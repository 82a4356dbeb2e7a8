package dev.stagehand.sagas.channel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param channelsPerConnection how many chats one connection reads before Stagehand opens another (Twitch lets one
 *                              account be in about 100 channels at once)
 * @param claimEvery            how often each node looks for chats to read or to leave
 */
@ConfigurationProperties("stagehand.chat")
public record ChatProperties(@DefaultValue("100") int channelsPerConnection,
                             @DefaultValue("1s") Duration claimEvery) {
}
