package dev.stagehand.api.stream;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** @param info the stream as it was last seen live */
@Revision("1")
public record StreamWentOffline(String broadcasterId, StreamInfo info, Instant endedAt, StreamSource source) {
}
