package dev.stagehand.sagas.emote;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param channelRefresh how often each joined channel's emote sets are fetched again
 * @param globalRefresh  how often the global sets are
 */
@ConfigurationProperties("stagehand.emotes")
public record EmoteProperties(@DefaultValue("10m") Duration channelRefresh, @DefaultValue("1h") Duration globalRefresh) {
}
