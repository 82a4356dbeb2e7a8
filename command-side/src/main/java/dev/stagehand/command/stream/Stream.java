package dev.stagehand.command.stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stagehand.api.stream.RecordStreamOffline;
import dev.stagehand.api.stream.RecordStreamOnline;
import dev.stagehand.api.stream.StreamInfo;
import dev.stagehand.api.stream.StreamKey;
import dev.stagehand.api.stream.StreamResumed;
import dev.stagehand.api.stream.StreamUpdated;
import dev.stagehand.api.stream.StreamWentLive;
import dev.stagehand.api.stream.StreamWentOffline;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One broadcaster's streams, told apart from the noise of several watchers: a signal seen twice (EventSub and
 * polling) is one event, a viewer count changing is none, and a stream back within the comeback grace is the stream
 * that was already announced.
 */
@Aggregate
class Stream {

    @AggregateIdentifier
    private String streamKey;
    private String broadcasterId;
    private StreamInfo live;
    private StreamInfo last;
    private Instant offlineAt;

    Stream() {
        // for Axon, which rebuilds the broadcaster's stream state from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordStreamOnline command) {
        Instant now = GenericEventMessage.clock.instant();
        StreamInfo info = command.info();
        if (live == null) {
            boolean comeback = last != null && offlineAt != null
                    && offlineAt.plus(command.comebackGrace()).isAfter(now);
            apply(comeback ? new StreamResumed(command.broadcasterId(), info, command.source())
                    : new StreamWentLive(command.broadcasterId(), info, command.source()));
            return;
        }
        boolean gameChanged = !Objects.equals(live.gameId(), info.gameId());
        if (gameChanged || !Objects.equals(live.title(), info.title())) {
            apply(new StreamUpdated(broadcasterId, info, gameChanged));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordStreamOffline command) {
        if (live != null) {
            apply(new StreamWentOffline(broadcasterId, live, GenericEventMessage.clock.instant(), command.source()));
        }
    }

    @EventSourcingHandler
    void on(StreamWentLive event) {
        streamKey = StreamKey.of(event.broadcasterId());
        broadcasterId = event.broadcasterId();
        live = event.info();
    }

    @EventSourcingHandler
    void on(StreamResumed event) {
        streamKey = StreamKey.of(event.broadcasterId());
        broadcasterId = event.broadcasterId();
        live = event.info();
    }

    @EventSourcingHandler
    void on(StreamUpdated event) {
        live = event.info();
    }

    @EventSourcingHandler
    void on(StreamWentOffline event) {
        last = live;
        live = null;
        offlineAt = event.endedAt();
    }
}
