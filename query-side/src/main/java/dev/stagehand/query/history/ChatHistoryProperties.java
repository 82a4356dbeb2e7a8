package dev.stagehand.query.history;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long chat is kept; whole days are dropped once all of their records are older than this
 */
@ConfigurationProperties("stagehand.history")
public record ChatHistoryProperties(@DefaultValue("30d") Duration retention) {
}
