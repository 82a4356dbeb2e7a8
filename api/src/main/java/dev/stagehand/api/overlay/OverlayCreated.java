package dev.stagehand.api.overlay;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.common.SecretId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OverlayCreated(OverlayId overlayId, AccountId owner, ChannelId channelId, String name,
                             OverlaySettings settings, SecretId token, String tokenHash) {
}
