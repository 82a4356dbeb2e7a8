package dev.stagehand.gateway.chatroom;

import dev.stagehand.api.chatroom.ChatRoomView;
import dev.stagehand.api.chatroom.FindChatRoom;
import dev.stagehand.api.chatroom.RoomId;
import dev.stagehand.gateway.account.AccountViews;
import dev.stagehand.gateway.security.CurrentAccount;
import dev.stagehand.live.chatroom.RoomEvent;
import dev.stagehand.live.chatroom.RoomHub;
import dev.stagehand.live.chatroom.RoomProperties;
import dev.stagehand.live.chatroom.RoomSender;
import dev.stagehand.live.chatroom.RoomTick;
import dev.stagehand.platform.axon.Queries;
import dev.stagehand.platform.metrics.SocketMetrics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/rooms/{room}}: a chat room's clients, anonymous (read only) or logged in (they may send). The first frame
 * ({@code joined}) carries the room, its style, whether this client may send, and the last messages; then messages go
 * out in one {@code messages} frame per tick ({@link RoomTick}): a busy room is sampled to what a person can read (the
 * client's own messages always pass), a client too slow to take a tick's frame loses that tick, and every frame counts
 * what it skipped and what was dropped since the last. A client sends {@code {"type":"send","text":…,"clientId":…}} and hears back {@code accepted}
 * with the id its message will be published under, or {@code refused} with why.
 */
@Component
class RoomSocket implements WebSocketHandler {

    static final String PATH = "/ws/rooms/";
    static final CloseStatus NO_ROOM = new CloseStatus(4404, "There is no open room here.");
    /** How many of a sender's messages may wait for Kafka's acknowledgement at once. */
    private static final int ACKNOWLEDGEMENTS_AWAITED = 256;

    private final Queries queries;
    private final AccountViews accounts;
    private final RoomHub hub;
    private final RoomSender sender;
    private final RoomProperties settings;
    private final JsonMapper json;
    private final SocketMetrics metrics;

    RoomSocket(Queries queries, AccountViews accounts, RoomHub hub, RoomSender sender, RoomProperties settings,
               JsonMapper json, SocketMetrics metrics) {
        this.queries = queries;
        this.metrics = metrics;
        this.accounts = accounts;
        this.hub = hub;
        this.sender = sender;
        this.settings = settings;
        this.json = json;
    }

    /** Who may send on this socket. */
    private record Chatter(CurrentAccount account, String displayName) {
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return metrics.counted(SocketMetrics.ROOM, serve(session));
    }

    private Mono<Void> serve(WebSocketSession session) {
        String path = session.getHandshakeInfo().getUri().getPath();
        String slug = path.substring(path.lastIndexOf('/') + 1);
        if (!RoomId.isSlug(slug)) {
            return session.close(NO_ROOM);
        }
        Mono<ChatRoomView> room = queries.optional(new FindChatRoom(new RoomId(slug)), ChatRoomView.class)
                .flatMap(Mono::justOrEmpty)
                .filter(view -> !view.closed());
        return room.flatMap(view -> chatter(session).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(who -> stream(session, view, who)))
                .switchIfEmpty(Mono.defer(() -> session.close(NO_ROOM)));
    }

    /** The logged-in account behind the handshake, unless the page that opened it is another site's. */
    private Mono<Chatter> chatter(WebSocketSession session) {
        if (!sameOrigin(session)) {
            return Mono.empty();
        }
        return session.getHandshakeInfo().getPrincipal()
                .filter(principal -> principal instanceof Authentication auth
                        && auth.getPrincipal() instanceof CurrentAccount)
                .map(principal -> (CurrentAccount) ((Authentication) principal).getPrincipal())
                .flatMap(me -> accounts.find(me.id()).map(account -> new Chatter(me, account.displayName())));
    }

    private static boolean sameOrigin(WebSocketSession session) {
        String origin = session.getHandshakeInfo().getHeaders().getOrigin();
        if (origin == null) {
            return true;
        }
        URI uri = session.getHandshakeInfo().getUri();
        String host = session.getHandshakeInfo().getHeaders().getFirst("Host");
        try {
            return URI.create(origin).getAuthority().equals(host != null ? host : uri.getAuthority());
        } catch (IllegalArgumentException | NullPointerException notAnOrigin) {
            return false;
        }
    }

    private Mono<Void> stream(WebSocketSession session, ChatRoomView room, Optional<Chatter> who) {
        RoomHub.Joined joined = hub.join(room.roomId().slug());
        String me = who.map(chatter -> chatter.account().id().value()).orElse(null);
        AtomicLong dropped = new AtomicLong();
        // The messages of the join may come again in the first tick; after it, nothing is known twice.
        AtomicReference<Set<String>> known = new AtomicReference<>(joined.recent().stream()
                .map(RoomEvent::messageId).collect(Collectors.toUnmodifiableSet()));
        Sinks.Many<String> replies = Sinks.many().unicast().onBackpressureBuffer();
        Flux<byte[]> live = joined.ticks()
                .onBackpressureDrop(tick -> dropped.addAndGet(tick.messages()))
                .mapNotNull(tick -> tick.frameFor(me, known.getAndSet(Set.of()), dropped.getAndSet(0)));
        Flux<byte[]> frames = Flux.merge(Flux.just(joinedFrame(room, who.isPresent(), joined.recent())),
                        replies.asFlux())
                .map(text -> text.getBytes(StandardCharsets.UTF_8))
                .mergeWith(live);
        // A sender's frames are taken in order and its messages handed to Kafka in order; their acknowledgements are
        // awaited together, the replies again in order.
        Mono<Void> receiving = session.receive()
                .map(WebSocketMessage::getPayloadAsText)
                .concatMap(text -> reply(room, who, text))
                .flatMapSequential(reply -> reply, ACKNOWLEDGEMENTS_AWAITED)
                .doOnNext(reply -> replies.emitNext(reply, Sinks.EmitFailureHandler.FAIL_FAST))
                .then();
        // A tick's shared frame is wrapped, not copied: every connection sends the same bytes.
        return Mono.firstWithSignal(session.send(frames.map(bytes -> new WebSocketMessage(WebSocketMessage.Type.TEXT,
                session.bufferFactory().wrap(bytes)))), receiving);
    }

    /** The reply to a client's frame, once the message in it is handed to Kafka or refused. */
    private Mono<Mono<String>> reply(ChatRoomView room, Optional<Chatter> who, String text) {
        JsonNode request;
        try {
            request = json.readTree(text);
        } catch (JacksonException notJson) {
            return refusal(null, "A frame is a JSON object such as {\"type\":\"send\",\"text\":\"hi\"}.");
        }
        String clientId = request.path("clientId").asString(null);
        if (!"send".equals(request.path("type").asString(""))) {
            return refusal(clientId, "The only frame a client sends is {\"type\":\"send\"}.");
        }
        if (who.isEmpty()) {
            return refusal(clientId, "Log in to send messages: anyone may read, only members may write.");
        }
        Chatter chatter = who.get();
        return sender.send(room.roomId(), chatter.account().id(), chatter.displayName(),
                        request.path("text").asString(""))
                .map(handed -> handed.stored().map(messageId -> {
                    Map<String, Object> accepted = new LinkedHashMap<>();
                    accepted.put("type", "accepted");
                    accepted.put("clientId", clientId);
                    accepted.put("messageId", messageId);
                    return json.writeValueAsString(accepted);
                }))
                .onErrorResume(RoomSender.Refused.class, refused -> refusal(clientId, refused.getMessage()));
    }

    private Mono<Mono<String>> refusal(String clientId, String reason) {
        return Mono.just(Mono.just(refused(clientId, reason)));
    }

    private String refused(String clientId, String reason) {
        Map<String, Object> refused = new LinkedHashMap<>();
        refused.put("type", "refused");
        refused.put("clientId", clientId);
        refused.put("reason", reason);
        return json.writeValueAsString(refused);
    }

    private String joinedFrame(ChatRoomView room, boolean canSend, List<RoomEvent> recent) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "joined");
        frame.put("room", room.roomId().slug());
        frame.put("title", room.title());
        frame.put("style", room.style().name());
        frame.put("canSend", canSend);
        String head = json.writeValueAsString(frame);
        return RoomTick.messages(new StringBuilder(head.substring(0, head.length() - 1)).append(",\"messages\":"),
                recent).append('}').toString();
    }
}
