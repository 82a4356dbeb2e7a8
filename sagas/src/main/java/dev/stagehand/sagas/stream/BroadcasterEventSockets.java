package dev.stagehand.sagas.stream;

import com.github.philippheuer.credentialmanager.domain.OAuth2Credential;
import com.github.twitch4j.eventsub.events.StreamOfflineEvent;
import com.github.twitch4j.eventsub.events.StreamOnlineEvent;
import com.github.twitch4j.eventsub.socket.TwitchEventSocket;
import com.github.twitch4j.eventsub.socket.events.EventSocketSubscriptionFailureEvent;
import com.github.twitch4j.eventsub.subscriptions.SubscriptionTypes;
import dev.stagehand.api.account.FindTwitchAuthorizations;
import dev.stagehand.api.account.TwitchAuthorization;
import dev.stagehand.api.stream.StreamSource;
import dev.stagehand.platform.DaemonThreads;
import dev.stagehand.sagas.account.TwitchTokens;
import dev.stagehand.sagas.twitch.AppHelix;
import dev.stagehand.sagas.twitch.TwitchEndpoints;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * EventSub over WebSocket for every streamer who logged in with Twitch: one socket each (Twitch ties a socket to one
 * user's token), subscribed to the streamer's own {@code stream.online} and {@code stream.offline}, which costs nothing
 * against Twitch's limit of 10. Every poll interval the sockets follow the logins: a new login gets a socket, a lost or
 * removed authorization closes its socket, and a refreshed token reopens it (after a dropped connection twitch4j
 * subscribes again with the socket's token, which must still be valid then). Only the node that watches streams for the
 * deployment holds sockets.
 */
@Component
class BroadcasterEventSockets implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BroadcasterEventSockets.class);

    private final QueryGateway queries;
    private final TwitchTokens tokens;
    private final AppHelix helix;
    private final TwitchEndpoints twitch;
    private final EventSubSignals signals;
    private final StreamProperties settings;
    private final StreamWatchingNode node;
    private final Map<String, OpenSocket> sockets = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService follower;
    /** Records signals one at a time, in the order they came, off twitch4j's threads. */
    private volatile ExecutorService recorder;

    private record OpenSocket(String accessToken, TwitchEventSocket socket) {
    }

    BroadcasterEventSockets(QueryGateway queries, TwitchTokens tokens, AppHelix helix, TwitchEndpoints twitch,
                            EventSubSignals signals, StreamProperties settings, StreamWatchingNode node,
                            MeterRegistry registry) {
        this.queries = queries;
        this.tokens = tokens;
        this.helix = helix;
        this.twitch = twitch;
        this.signals = signals;
        this.settings = settings;
        this.node = node;
        Gauge.builder("stagehand.twitch.eventsub.sockets", sockets, Map::size)
                .description("EventSub WebSockets open for streamers who logged in, two subscriptions each")
                .register(registry);
    }

    @Override
    public void start() {
        recorder = Executors.newSingleThreadExecutor(DaemonThreads.named("eventsub-signals"));
        follower = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("eventsub-sockets"));
        follower.scheduleWithFixedDelay(this::followLogins, 0, settings.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Streamers with an open socket, by Twitch user id. */
    List<String> following() {
        return List.copyOf(sockets.keySet());
    }

    void followLogins() {
        try {
            Map<String, String> wanted = new HashMap<>();
            if (node.watches()) {
                queries.query(new FindTwitchAuthorizations(),
                                ResponseTypes.multipleInstancesOf(TwitchAuthorization.class))
                       .join().forEach(authorization -> tokens.accessToken(authorization.token())
                               .ifPresent(accessToken -> wanted.put(authorization.twitchUserId(), accessToken)));
            }
            List.copyOf(sockets.keySet()).stream().filter(userId -> !wanted.containsKey(userId)).forEach(this::close);
            wanted.forEach((userId, accessToken) -> {
                OpenSocket open = sockets.get(userId);
                if (open == null || !open.accessToken().equals(accessToken)) {
                    close(userId);
                    sockets.put(userId, new OpenSocket(accessToken, open(userId, accessToken)));
                }
            });
        } catch (RuntimeException failed) {
            log.warn("Could not bring the streamers' EventSub sockets up to date; trying again at the next poll",
                    failed);
        }
    }

    private TwitchEventSocket open(String userId, String accessToken) {
        TwitchEventSocket socket = TwitchEventSocket.builder()
                .baseUrl(twitch.eventSubUrl())
                .api(helix.client())
                .defaultToken(new OAuth2Credential("twitch", accessToken, null, userId, null, null, null))
                .build();
        socket.getEventManager().onEvent(StreamOnlineEvent.class, online -> record(() -> signals.online(
                online.getBroadcasterUserId(), online.getId(), online.getStartedAt(),
                StreamSource.EVENTSUB_WEBSOCKET)));
        socket.getEventManager().onEvent(StreamOfflineEvent.class, offline -> record(() -> signals.offline(
                offline.getBroadcasterUserId(), StreamSource.EVENTSUB_WEBSOCKET)));
        socket.getEventManager().onEvent(EventSocketSubscriptionFailureEvent.class, failure -> log.warn(
                "Twitch refused an EventSub subscription for streamer {} ({}); polling still watches them", userId,
                failure.getError().toString()));
        socket.register(SubscriptionTypes.STREAM_ONLINE.prepareSubscription(
                condition -> condition.broadcasterUserId(userId).build(), null));
        socket.register(SubscriptionTypes.STREAM_OFFLINE.prepareSubscription(
                condition -> condition.broadcasterUserId(userId).build(), null));
        return socket;
    }

    private void record(Runnable signal) {
        recorder.execute(() -> {
            try {
                signal.run();
            } catch (RuntimeException failed) {
                log.warn("An EventSub stream signal could not be recorded; the next poll will see the stream: {}",
                        failed.toString());
            }
        });
    }

    private void close(String userId) {
        OpenSocket open = sockets.remove(userId);
        if (open != null) {
            try {
                open.socket().close();
            } catch (Exception closing) {
                log.debug("Closing the EventSub socket of {} failed", userId, closing);
            }
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = follower;
        follower = null;
        if (current != null) {
            current.shutdownNow();
        }
        List.copyOf(sockets.keySet()).forEach(this::close);
        if (recorder != null) {
            recorder.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return follower != null;
    }
}
