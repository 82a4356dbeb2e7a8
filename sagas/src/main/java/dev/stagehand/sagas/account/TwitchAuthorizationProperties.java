package dev.stagehand.sagas.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param checkInterval how often each stored Twitch token is validated (Twitch requires at least hourly)
 * @param refreshMargin how long before expiry, beyond the next check, a token is refreshed
 * @param retryInterval how soon a check is tried again when Twitch could not be asked
 */
@ConfigurationProperties("stagehand.twitch.tokens")
public record TwitchAuthorizationProperties(@DefaultValue("1h") Duration checkInterval,
                                            @DefaultValue("15m") Duration refreshMargin,
                                            @DefaultValue("1m") Duration retryInterval) {

    Duration horizon() {
        return checkInterval.plus(refreshMargin);
    }
}
