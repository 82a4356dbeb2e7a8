package dev.stagehand.query.highlight;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a chat spike is told from a busy chat.
 *
 * @param window          the length of the sliding window counted, advancing every second
 * @param baselineWindows how many of the windows before the current one make the baseline; a channel's chat is
 *                        watched this long (plus one window) before anything counts as a spike
 * @param sigmas          how many standard deviations above the baseline mean the window must be
 * @param minimumLift     how many messages above the baseline mean the window must be at least, because a quiet
 *                        chat's tiny deviation would otherwise make three messages a spike
 * @param cooldown        no second spike for a channel this soon after one
 * @param afterBurst      no spike this soon after a raid or a gift-sub wave (the burst still feeds the baseline)
 */
@ConfigurationProperties("stagehand.highlights.spikes")
public record SpikeSettings(@DefaultValue("5s") Duration window, @DefaultValue("120") int baselineWindows,
                            @DefaultValue("3.0") double sigmas, @DefaultValue("10") int minimumLift,
                            @DefaultValue("30s") Duration cooldown, @DefaultValue("30s") Duration afterBurst) {
}
