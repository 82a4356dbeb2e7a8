package dev.stagehand.api.highlight;

import java.time.Instant;

/**
 * A channel's spike detector began watching its chat afresh (on the first message it heard, after a silence longer
 * than its baseline, or with a rule that reaches back another length) at {@code since}, and finds spikes from
 * {@code warmAt}, as long as the chat goes on.
 */
public record DetectorWarmUp(String channelId, Instant since, Instant warmAt) {
}
