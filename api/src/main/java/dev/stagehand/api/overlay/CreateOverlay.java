package dev.stagehand.api.overlay;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.common.SecretId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param token     the stored secret of the overlay's URL
 * @param tokenHash SHA-256 of that secret (hex), by which a browser source finds its overlay
 */
public record CreateOverlay(@TargetAggregateIdentifier OverlayId overlayId, AccountId owner, ChannelId channelId,
                            String name, OverlaySettings settings, SecretId token, String tokenHash) {
}
