package dev.stagehand.api.stream;

import java.time.Duration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A watcher saw the broadcaster live.
 *
 * @param comebackGrace a stream that went offline less than this long ago and is live again is the same stream, not
 *                      a new one to announce (Twitch's signals flap)
 */
public record RecordStreamOnline(String broadcasterId, StreamInfo info,
                                 StreamSource source, Duration comebackGrace) {

    @TargetAggregateIdentifier
    public String streamKey() {
        return StreamKey.of(broadcasterId);
    }
}
