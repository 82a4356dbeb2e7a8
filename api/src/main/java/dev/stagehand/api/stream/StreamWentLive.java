package dev.stagehand.api.stream;

import org.axonframework.serialization.Revision;

/** A new stream began: the one to announce. */
@Revision("1")
public record StreamWentLive(String broadcasterId, StreamInfo info, StreamSource source) {
}
