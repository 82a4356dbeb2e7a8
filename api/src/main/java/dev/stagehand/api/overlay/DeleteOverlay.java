package dev.stagehand.api.overlay;

import dev.stagehand.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteOverlay(@TargetAggregateIdentifier OverlayId overlayId, AccountId owner) {
}
