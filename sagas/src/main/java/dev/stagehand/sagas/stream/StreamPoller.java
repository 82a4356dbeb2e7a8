package dev.stagehand.sagas.stream;

import dev.stagehand.api.notification.FindWatchTargets;
import dev.stagehand.api.notification.WatchTarget;
import dev.stagehand.api.stream.FindLiveStreams;
import dev.stagehand.api.stream.RecordStreamOffline;
import dev.stagehand.api.stream.RecordStreamOnline;
import dev.stagehand.api.stream.StreamSource;
import dev.stagehand.api.stream.StreamView;
import dev.stagehand.platform.RepeatingJob;
import dev.stagehand.platform.UnavailableException;
import dev.stagehand.sagas.stream.HelixStreams.LiveStream;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The safety net of stream watching, and the only watcher of games: every poll interval, asks Helix which watched
 * streamers are live, which streams each watched game has (page after page), and whether the streams Stagehand last
 * saw live still are (one may have switched to a game nobody watches). What it sees goes to each broadcaster's
 * {@code Stream}, which drops what it already knows. A stream missing from Helix's answer has ended, unless it started
 * so recently (EventSub announced it) that Helix's cached answers may not list it yet. When Twitch fails or refuses
 * (429), the next poll waits twice as long, up to a limit. Only the node that watches streams for the deployment polls;
 * what it watches and how many of those streams are live are metrics ({@code stagehand.streams.*}).
 */
@Component
class StreamPoller extends RepeatingJob {

    private static final Logger log = LoggerFactory.getLogger(StreamPoller.class);

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final HelixStreams helix;
    private final StreamProperties settings;
    private final StreamWatchingNode node;
    private Duration wait;
    private final AtomicInteger watchedStreamers = new AtomicInteger();
    private final AtomicInteger watchedGames = new AtomicInteger();
    private final AtomicInteger live = new AtomicInteger();

    StreamPoller(QueryGateway queries, CommandGateway commands, HelixStreams helix, StreamProperties settings,
                 StreamWatchingNode node, MeterRegistry registry) {
        super("stream-poller", Duration.ZERO);
        this.queries = queries;
        this.commands = commands;
        this.helix = helix;
        this.settings = settings;
        this.node = node;
        this.wait = settings.pollInterval();
        for (var watched : Map.of("streamer", watchedStreamers, "game", watchedGames).entrySet()) {
            Gauge.builder("stagehand.streams.watched", watched.getValue(), AtomicInteger::get)
                    .tag("kind", watched.getKey()).description("Streamers and games watched, by kind")
                    .register(registry);
        }
        Gauge.builder("stagehand.streams.live", live, AtomicInteger::get)
                .description("Watched streams live at the last poll").register(registry);
    }

    @Override
    protected Duration runOnce() {
        try {
            if (node.watches()) {
                poll();
            }
            wait = settings.pollInterval();
        } catch (UnavailableException unavailable) {
            wait = min(wait.multipliedBy(2), settings.maxBackoff());
            log.warn("Polling Twitch for live streams failed, next try in {} s: {}", wait.toSeconds(),
                    unavailable.getCause() == null ? unavailable.getMessage() : unavailable.getCause().toString());
        }
        return wait;
    }

    /** One round: everything watched or last seen live, checked once. */
    void poll() {
        List<WatchTarget> targets = queries.query(new FindWatchTargets(),
                ResponseTypes.multipleInstancesOf(WatchTarget.class)).join();
        List<StreamView> known = queries.query(new FindLiveStreams(),
                ResponseTypes.multipleInstancesOf(StreamView.class)).join();
        Map<String, LiveStream> seen = new HashMap<>();
        targets.stream().filter(target -> target.kind() == WatchTarget.Kind.GAME)
               .forEach(game -> helix.ofGame(game.id()).forEach(stream -> seen.put(stream.broadcasterId(), stream)));
        Set<String> toCheck = new LinkedHashSet<>();
        targets.stream().filter(target -> target.kind() == WatchTarget.Kind.STREAMER)
               .forEach(streamer -> toCheck.add(streamer.id()));
        known.forEach(stream -> toCheck.add(stream.broadcasterId()));
        toCheck.removeAll(seen.keySet());
        helix.ofBroadcasters(toCheck).forEach(stream -> seen.put(stream.broadcasterId(), stream));
        watchedStreamers.set((int) targets.stream().filter(target -> target.kind() == WatchTarget.Kind.STREAMER)
                .count());
        watchedGames.set((int) targets.stream().filter(target -> target.kind() == WatchTarget.Kind.GAME).count());
        live.set(seen.size());

        Map<String, StreamView> knownById = new HashMap<>();
        known.forEach(stream -> knownById.put(stream.broadcasterId(), stream));
        seen.values().stream().filter(stream -> changed(knownById.get(stream.broadcasterId()), stream))
            .forEach(stream -> commands.sendAndWait(new RecordStreamOnline(stream.broadcasterId(), stream.info(),
                    StreamSource.POLLING, settings.comebackGrace())));
        Instant listedByNow = Instant.now().minus(settings.helixLag());
        known.stream().filter(stream -> !seen.containsKey(stream.broadcasterId()))
             .filter(stream -> stream.info().startedAt() == null || stream.info().startedAt().isBefore(listedByNow))
             .forEach(ended -> commands.sendAndWait(new RecordStreamOffline(ended.broadcasterId(),
                     StreamSource.POLLING)));
    }

    /** Whether Stagehand's view of the stream is missing or stale; the rest would be dropped by the aggregate anyway. */
    private static boolean changed(StreamView known, LiveStream seen) {
        return known == null || !known.info().streamId().equals(seen.info().streamId())
                || !Objects.equals(known.info().title(), seen.info().title())
                || !Objects.equals(known.info().gameId(), seen.info().gameId());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
