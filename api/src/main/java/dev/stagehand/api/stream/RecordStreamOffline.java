package dev.stagehand.api.stream;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A watcher saw the broadcaster offline. */
public record RecordStreamOffline(@TargetAggregateIdentifier String broadcasterId, StreamSource source) {
}
