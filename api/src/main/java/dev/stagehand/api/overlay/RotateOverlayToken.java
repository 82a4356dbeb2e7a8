package dev.stagehand.api.overlay;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.SecretId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RotateOverlayToken(@TargetAggregateIdentifier OverlayId overlayId, AccountId owner, SecretId token,
                                 String tokenHash) {
}
