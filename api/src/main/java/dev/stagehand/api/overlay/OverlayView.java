package dev.stagehand.api.overlay;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.common.SecretId;
import java.time.Instant;

/** @param tokenHash null once the overlay is deleted: an open browser source closes on that update */
public record OverlayView(OverlayId overlayId, AccountId owner, ChannelId channelId, String name,
                          OverlaySettings settings, int version, SecretId token, String tokenHash,
                          Instant createdAt, Instant updatedAt) {
}
