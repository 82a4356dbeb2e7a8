package dev.stagehand.api.stream;

import org.axonframework.serialization.Revision;

/** A live stream changed its title or game. */
@Revision("1")
public record StreamUpdated(String broadcasterId, StreamInfo info, boolean gameChanged) {
}
