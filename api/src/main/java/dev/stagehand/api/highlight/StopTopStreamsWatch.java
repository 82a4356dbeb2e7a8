package dev.stagehand.api.highlight;

import dev.stagehand.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator stops the top streams watch: Stagehand leaves the streams it follows for it. */
public record StopTopStreamsWatch(@TargetAggregateIdentifier String watchId, AccountId operator) {
}
