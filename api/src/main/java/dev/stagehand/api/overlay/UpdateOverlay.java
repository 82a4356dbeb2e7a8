package dev.stagehand.api.overlay;

import dev.stagehand.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UpdateOverlay(@TargetAggregateIdentifier OverlayId overlayId, AccountId owner, String name,
                            OverlaySettings settings) {
}
