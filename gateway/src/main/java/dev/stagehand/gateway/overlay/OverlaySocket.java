package dev.stagehand.gateway.overlay;

import dev.stagehand.api.overlay.FindOverlay;
import dev.stagehand.api.overlay.FindOverlayByToken;
import dev.stagehand.api.overlay.OverlayView;
import dev.stagehand.live.chat.ChatHub;
import dev.stagehand.live.chat.ChatReplay;
import dev.stagehand.platform.axon.Queries;
import dev.stagehand.platform.metrics.SocketMetrics;
import dev.stagehand.platform.tracing.Traces;
import dev.stagehand.sagas.emote.EmoteCatalog;
import dev.stagehand.sagas.emote.EmoteImageUrls;
import dev.stagehand.secrets.BearerSecrets;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/overlay/{token}}: what an OBS browser source shows. The first frame carries the overlay's settings and
 * where emote and badge images live; then the channel's recent and live chat records, and the settings frame again
 * whenever the streamer changes them (looked for every second) or the channel's badges change. A rotated token or a
 * deleted overlay closes the socket within a second (4001); an unknown token is refused (4404). With
 * {@code ?from=…&to=…&speed=…} the chat is a replay of that stretch of stored chat ({@link ChatReplay}), ended by a
 * {@code replay-ended} frame; parameters that make no replay close the socket with 4400 and what is wrong.
 */
@Component
class OverlaySocket implements WebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(OverlaySocket.class);

    static final String PATH = "/ws/overlay/";
    static final CloseStatus UNKNOWN = new CloseStatus(4404, "No overlay has this URL.");
    static final CloseStatus REVOKED = new CloseStatus(4001, "This overlay URL is no longer valid.");
    private static final String CLOSED = "{\"type\":\"closed\"}";
    private static final String REPLAY_ENDED = "{\"type\":\"replay-ended\"}";
    private static final Duration SETTINGS_CHECK = Duration.ofSeconds(1);

    private final Queries queries;
    private final ChatHub chat;
    private final ChatReplay replay;
    private final EmoteImageUrls emoteImages;
    private final EmoteCatalog catalog;
    private final JsonMapper json;
    private final SocketMetrics metrics;
    private final Traces traces;
    private final Sinks.Many<String> badgesChanged = Sinks.many().multicast().directBestEffort();

    OverlaySocket(Queries queries, ChatHub chat, ChatReplay replay, EmoteImageUrls emoteImages,
                  EmoteCatalog catalog, JsonMapper json, SocketMetrics metrics, Traces traces) {
        this.queries = queries;
        this.traces = traces;
        this.metrics = metrics;
        this.chat = chat;
        this.replay = replay;
        this.emoteImages = emoteImages;
        this.catalog = catalog;
        this.json = json;
        catalog.onBadgesChanged(channelId -> badgesChanged.emitNext(channelId,
                Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100))));
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return metrics.counted(SocketMetrics.OVERLAY, serve(session));
    }

    private Mono<Void> serve(WebSocketSession session) {
        String path = session.getHandshakeInfo().getUri().getPath();
        String hash = BearerSecrets.sha256(path.substring(path.lastIndexOf('/') + 1));
        Optional<ChatReplay.Request> replaying;
        try {
            replaying = ChatReplay.Request.of(new QueryStringDecoder(session.getHandshakeInfo().getUri())
                    .parameters(), Instant.now());
        } catch (IllegalArgumentException badRequest) {
            return session.close(new CloseStatus(4400, badRequest.getMessage()));
        }
        return queries.optional(new FindOverlayByToken(hash), OverlayView.class)
                .flatMap(found -> found.map(overlay -> stream(session, overlay, hash, replaying))
                        .orElseGet(() -> session.close(UNKNOWN)));
    }

    private Mono<Void> stream(WebSocketSession session, OverlayView overlay, String hash,
                              Optional<ChatReplay.Request> replaying) {
        // Asked again and again rather than listened to: any node's projection may apply the streamer's change.
        Flux<Optional<OverlayView>> views = Flux.interval(SETTINGS_CHECK, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> queries.optional(new FindOverlay(overlay.overlayId()), OverlayView.class))
                .startWith(Optional.of(overlay))
                .map(found -> found.filter(view -> hash.equals(view.tokenHash())))
                .distinctUntilChanged();
        String channelId = overlay.channelId().value();
        Flux<String> badges = badgesChanged.asFlux().filter(channelId::equals).startWith(channelId);
        Flux<String> settings = Flux.combineLatest(views, badges, (view, badgesOf) -> view)
                .takeUntil(Optional::isEmpty)
                .map(view -> view.map(this::settingsFrame).orElse(CLOSED))
                .share();
        Flux<String> chatFrames = replaying
                .map(request -> replay.play(channelId, request).map(json::writeValueAsString)
                        .map(OverlaySocket::chatFrame).concatWith(Mono.just(REPLAY_ENDED)))
                .orElseGet(() -> chat.channel(channelId)
                        .doOnNext(record -> sent(overlay, record))
                        .map(record -> chatFrame(record.json())));
        Flux<String> frames = Flux.merge(settings, chatFrames.takeUntilOther(settings.filter(CLOSED::equals)));
        Mono<Void> sending = session.send(frames.map(session::textMessage))
                .then(Mono.defer(() -> session.close(REVOKED)));
        // Reading keeps the socket's close from the browser side noticed.
        Mono<Void> receiving = session.receive().then();
        return Mono.firstWithSignal(sending, receiving);
    }

    /**
     * Counts the record, and follows its trace when it is recorded or this class logs at DEBUG: a span and a log line
     * for each overlay would otherwise cost every chat line its fan-out.
     */
    private void sent(OverlayView overlay, ChatHub.LiveRecord record) {
        metrics.sentToOverlay(record.channelId());
        if (record.traceparent() != null && (Traces.sampled(record.traceparent()) || log.isDebugEnabled())) {
            Span span = traces.startFrom(Map.of(Traces.TRACEPARENT, record.traceparent()), "chat line to overlay");
            try (Tracer.SpanInScope scope = traces.inScope(span)) {
                log.debug("Chat line to overlay {} of channel {}", overlay.overlayId().value(), record.channelId());
            } finally {
                span.end();
            }
        }
    }

    private static String chatFrame(String record) {
        return "{\"type\":\"chat\",\"chat\":" + record + "}";
    }

    private String settingsFrame(OverlayView view) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "settings");
        frame.put("name", view.name());
        frame.put("version", view.version());
        frame.put("settings", view.settings());
        frame.put("emoteImages", emoteImages.templates());
        frame.put("badgeImages", catalog.badgeImages(view.channelId().value()));
        return json.writeValueAsString(frame);
    }
}
