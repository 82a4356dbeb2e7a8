package dev.stagehand.api.stream;

import org.axonframework.serialization.Revision;

/** The stream came back within the comeback grace: the same stream, not announced again. */
@Revision("1")
public record StreamResumed(String broadcasterId, StreamInfo info, StreamSource source) {
}
