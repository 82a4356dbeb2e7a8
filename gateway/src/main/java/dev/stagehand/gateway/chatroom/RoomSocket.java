package dev.stagehand.gateway.chatroom;

import dev.stagehand.api.chatroom.ChatRoomView;
import dev.stagehand.api.chatroom.FindChatRoom;
import dev.stagehand.api.chatroom.PublishedRoomMessage;
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
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * ({@code joined}) carries the room, its style, whether this client may send, and the last ten messages; then messages
 * go out in one {@code messages} frame per tick ({@link RoomTick}): a busy room is sampled to what a person can read
 * (the client's own messages always pass), a client too slow to take a tick's frame loses that tick, and every frame
 * counts what it skipped and what was dropped since the last. A client that comes back with {@code ?since=<the last
 * message id it has>} gets every message said since, exactly once, in its {@code joined} frame and the {@code messages}
 * frames right after it (a hundred a frame), or (past the bound, or for an unknown id) a {@code gap} frame and the last
 * ten. With {@code ?mode=full} (bots) every message goes out, none
 * sampled; a full reader that falls too far behind gets a {@code too-slow} frame and is closed (4008). Bad parameters
 * close the socket with 4400 and what is wrong. A client sends {@code {"type":"send","text":…,"clientId":…}} and hears
 * back {@code accepted} with the id its message will be published under, or {@code refused} with why.
 */
@Component
class RoomSocket implements WebSocketHandler {

    static final String PATH = "/ws/rooms/";
    static final CloseStatus NO_ROOM = new CloseStatus(4404, "There is no open room here.");
    static final int BAD_REQUEST = 4400;
    static final int TOO_SLOW = 4008;
    private static final int PER_FRAME = RoomTick.MESSAGES_PER_FRAME;
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
        Reading reading;
        try {
            reading = Reading.of(new QueryStringDecoder(session.getHandshakeInfo().getUri()).parameters());
        } catch (IllegalArgumentException badRequest) {
            return session.close(new CloseStatus(BAD_REQUEST, badRequest.getMessage()));
        }
        Mono<ChatRoomView> room = queries.optional(new FindChatRoom(new RoomId(slug)), ChatRoomView.class)
                .flatMap(Mono::justOrEmpty)
                .filter(view -> !view.closed());
        return room.flatMap(view -> chatter(session).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(who -> reading.join(hub, slug).flatMap(joined -> stream(session, view, who,
                                reading, joined))))
                .switchIfEmpty(Mono.defer(() -> session.close(NO_ROOM)));
    }

    /**
     * How the client reads: {@code ?since=<message id>} after a reconnect (every message after that one first), and
     * {@code ?mode=full} for every message instead of what a person can read.
     */
    private record Reading(String since, RoomHub.Delivery delivery) {

        static Reading of(Map<String, List<String>> parameters) {
            String since = single(parameters, "since");
            if (since != null && !PublishedRoomMessage.isMessageId(since)) {
                throw new IllegalArgumentException("since is the id of the last message the client has");
            }
            String mode = single(parameters, "mode");
            if (mode != null && !mode.equals("full") && !mode.equals("sampled")) {
                throw new IllegalArgumentException("mode is full (every message) or sampled (what a person reads)");
            }
            return new Reading(since, "full".equals(mode) ? RoomHub.Delivery.FULL : RoomHub.Delivery.SAMPLED);
        }

        private static String single(Map<String, List<String>> parameters, String name) {
            List<String> values = parameters.getOrDefault(name, List.of());
            if (values.size() > 1) {
                throw new IllegalArgumentException(name + " is given once");
            }
            return values.isEmpty() ? null : values.get(0);
        }

        Mono<RoomHub.Joined> join(RoomHub hub, String slug) {
            return since == null ? Mono.just(hub.join(slug, delivery)) : hub.rejoin(slug, since, delivery);
        }
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

    private Mono<Void> stream(WebSocketSession session, ChatRoomView room, Optional<Chatter> who, Reading reading,
                              RoomHub.Joined joined) {
        String me = who.map(chatter -> chatter.account().id().value()).orElse(null);
        boolean full = reading.delivery() == RoomHub.Delivery.FULL;
        AtomicBoolean fellBehind = new AtomicBoolean();
        Sinks.Many<String> replies = Sinks.many().unicast().onBackpressureBuffer();
        Flux<byte[]> live = joined.ticks()
                .concatMapIterable(tick -> full ? tick.fullFramesFor(joined.known(tick))
                        : Optional.ofNullable(tick.frameFor(me, joined.known(tick), joined.takeDropped())).stream()
                        .toList())
                .onErrorResume(RoomHub.Behind.class, tooSlow -> {
                    fellBehind.set(true);
                    metrics.tooSlow(SocketMetrics.ROOM);
                    replies.tryEmitComplete();
                    return Mono.just(utf8(frame("too-slow", "reason", tooSlow.getMessage(), "ticks",
                            settings.fullBacklog())));
                });
        List<String> first = new ArrayList<>();
        joined.gap().ifPresent(why -> first.add(frame("gap", "since", reading.since(), "reason", why)));
        List<RoomEvent> missed = joined.messages();
        first.add(joinedFrame(room, who.isPresent(), reading.delivery(), joined.gap().isEmpty() ? reading.since() : null,
                missed.subList(0, Math.min(PER_FRAME, missed.size()))));
        for (int from = PER_FRAME; from < missed.size(); from += PER_FRAME) {
            first.add(RoomTick.messagesFrame(missed.subList(from, Math.min(from + PER_FRAME, missed.size())),
                    List.of(), 0, 0));
        }
        // Nothing waits between the room's feed and the socket but one frame: a client that falls behind is
        // known at once (it loses ticks when reading a sample, and is closed when reading everything).
        Flux<byte[]> frames = Flux.concat(Flux.fromIterable(first).map(RoomSocket::utf8),
                Flux.merge(1, replies.asFlux().map(RoomSocket::utf8), live));
        // A sender's frames are taken in order and its messages handed to Kafka in order; their acknowledgements are
        // awaited together, the replies again in order.
        Mono<Void> receiving = session.receive()
                .map(WebSocketMessage::getPayloadAsText)
                .concatMap(text -> reply(room, who, text))
                .flatMapSequential(reply -> reply, ACKNOWLEDGEMENTS_AWAITED)
                .doOnNext(replies::tryEmitNext)
                .then();
        // A tick's shared frame is wrapped, not copied: every connection sends the same bytes.
        Mono<Void> sending = session.send(frames.map(bytes -> new WebSocketMessage(WebSocketMessage.Type.TEXT,
                        session.bufferFactory().wrap(bytes))))
                .then(Mono.defer(() -> !fellBehind.get() ? Mono.empty()
                        : session.close(new CloseStatus(TOO_SLOW, "Too slow for every message"))));
        return Mono.firstWithSignal(sending, receiving).doFinally(signal -> joined.leave());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
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
                .map(handed -> handed.stored().map(messageId -> frame("accepted", "clientId", clientId,
                        "messageId", messageId)))
                .onErrorResume(RoomSender.Refused.class, refused -> refusal(clientId, refused.getMessage()));
    }

    private Mono<Mono<String>> refusal(String clientId, String reason) {
        return Mono.just(Mono.just(frame("refused", "clientId", clientId, "reason", reason)));
    }

    /** A frame of {@code type} with two fields (values may be null). */
    private String frame(String type, String name, Object value, String otherName, Object otherValue) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.put(name, value);
        frame.put(otherName, otherValue);
        return json.writeValueAsString(frame);
    }

    /** The room, and the last ten messages or (with {@code since}) the first of those said after that one. */
    private String joinedFrame(ChatRoomView room, boolean canSend, RoomHub.Delivery delivery, String since,
                               List<RoomEvent> messages) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "joined");
        frame.put("room", room.roomId().slug());
        frame.put("title", room.title());
        frame.put("style", room.style().name());
        frame.put("canSend", canSend);
        frame.put("mode", delivery == RoomHub.Delivery.FULL ? "full" : "sampled");
        if (since != null) {
            frame.put("since", since);
        }
        String head = json.writeValueAsString(frame);
        return RoomTick.messages(new StringBuilder(head.substring(0, head.length() - 1)).append(",\"messages\":"),
                messages).append('}').toString();
    }
}
