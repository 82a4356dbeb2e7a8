package dev.stagehand.sagas.stream;

import dev.stagehand.api.common.SettingCheck;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param interval how often the top streams watch reads Twitch's ranking (the original re-reads every 2 minutes) */
@ConfigurationProperties("stagehand.highlights.top-streams")
public record TopStreamsProperties(@DefaultValue("2m") Duration interval) {

    public TopStreamsProperties {
        SettingCheck.require(interval.compareTo(Duration.ofSeconds(1)) >= 0,
                "stagehand.highlights.top-streams.interval", "at least 1s", interval);
    }
}
