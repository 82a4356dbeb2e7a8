package dev.stagehand.api.highlight;

import java.time.Instant;

/** Answered with a {@code List<ChatSpike>}: the channel's spikes whose window ended in [from, to), newest first. */
public record FindChatSpikes(String channelId, Instant from, Instant to) {
}
