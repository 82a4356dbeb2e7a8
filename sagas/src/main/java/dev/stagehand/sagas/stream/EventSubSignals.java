package dev.stagehand.sagas.stream;

import dev.stagehand.api.stream.RecordStreamOffline;
import dev.stagehand.api.stream.RecordStreamOnline;
import dev.stagehand.api.stream.StreamSource;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * EventSub's {@code stream.online} and {@code stream.offline}, from either transport, recorded on the broadcaster's
 * {@code Stream} (which drops what polling or the other transport already told it).
 */
@Component
public class EventSubSignals {

    private final HelixStreams helix;
    private final CommandGateway commands;
    private final StreamProperties settings;

    EventSubSignals(HelixStreams helix, CommandGateway commands, StreamProperties settings) {
        this.helix = helix;
        this.commands = commands;
        this.settings = settings;
    }

    /**
     * Records the stream as live, described from the channel's settings.
     *
     * @throws dev.stagehand.sagas.twitch.TwitchUnavailableException when Twitch cannot be asked for them; the next
     *                                                               poll sees the stream anyway
     */
    public void online(String broadcasterId, String streamId, Instant startedAt, StreamSource source) {
        commands.sendAndWait(new RecordStreamOnline(broadcasterId, helix.started(broadcasterId, streamId, startedAt)
                .info(), source, settings.comebackGrace()));
    }

    public void offline(String broadcasterId, StreamSource source) {
        commands.sendAndWait(new RecordStreamOffline(broadcasterId, source));
    }
}
