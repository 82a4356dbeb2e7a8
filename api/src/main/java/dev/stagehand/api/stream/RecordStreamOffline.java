package dev.stagehand.api.stream;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A watcher saw the broadcaster offline. */
public record RecordStreamOffline(String broadcasterId, StreamSource source) {

    @TargetAggregateIdentifier
    public String streamKey() {
        return StreamKey.of(broadcasterId);
    }
}
