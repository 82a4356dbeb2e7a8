package dev.stagehand.gateway.chatroom;

import dev.stagehand.api.chatroom.ChatRoomView;
import dev.stagehand.api.chatroom.FindChatRooms;
import dev.stagehand.api.chatroom.FindRoomMessages;
import dev.stagehand.api.chatroom.PublishedRoomMessage;
import dev.stagehand.api.chatroom.RoomModeration;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.gateway.kafka.LiveReading;
import dev.stagehand.gateway.kafka.LiveTopic;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's chat rooms: reads {@code stagehand.rooms.published} and {@code stagehand.rooms.moderation} live (every
 * node sees every room, so a browser may join on any), keeps each room's last {@value #RECENT} messages in memory for
 * clients that join (read from history when the node starts), and hands messages and deletions to the room's clients.
 */
@Component
class RoomHub extends LiveReading {

    static final int RECENT = 10;
    private static final Logger log = LoggerFactory.getLogger(RoomHub.class);

    private final KafkaConnectionDetails kafka;
    private final QueryGateway queries;
    private final JsonMapper json;
    private final Sinks.Many<RoomEvent> live = Sinks.many().multicast().directBestEffort();
    private final Map<String, Deque<RoomEvent>> recent = new ConcurrentHashMap<>();

    RoomHub(KafkaConnectionDetails kafka, QueryGateway queries, JsonMapper json) {
        this.kafka = kafka;
        this.queries = queries;
        this.json = json;
    }

    /** What joining the room sees: its recent messages, then everything that happens in it, none lost in between. */
    record Joined(List<RoomEvent> recent, Flux<RoomEvent> following) {
    }

    Joined join(String room) {
        Deque<RoomEvent> kept = kept(room);
        AtomicReference<Disposable> connection = new AtomicReference<>();
        // accept() keeps and emits under this same lock: each message is in the snapshot or follows it, never both.
        synchronized (kept) {
            Flux<RoomEvent> following = live.asFlux().filter(event -> event.room().equals(room))
                    .publish().autoConnect(0, connection::set);
            return new Joined(List.copyOf(kept), following.doFinally(signal -> connection.get().dispose()));
        }
    }

    private Deque<RoomEvent> kept(String room) {
        return recent.computeIfAbsent(room, any -> new ArrayDeque<>());
    }

    private void accept(RoomEvent event) {
        Deque<RoomEvent> kept = kept(event.room());
        synchronized (kept) {
            if (event.deletion()) {
                kept.removeIf(message -> message.messageId().equals(event.messageId()));
            } else if (kept.stream().noneMatch(message -> message.messageId().equals(event.messageId()))) {
                kept.addLast(event);
                if (kept.size() > RECENT) {
                    kept.removeFirst();
                }
            }
            live.tryEmitNext(event);
        }
    }

    /** The recent messages of every open room from history, behind any that arrived live since the node started. */
    private void remember() {
        List<ChatRoomView> rooms = queries.query(new FindChatRooms(),
                ResponseTypes.multipleInstancesOf(ChatRoomView.class)).join();
        for (ChatRoomView room : rooms) {
            List<PublishedRoomMessage> stored = queries.query(new FindRoomMessages(room.roomId(), null, RECENT),
                    ResponseTypes.multipleInstancesOf(PublishedRoomMessage.class)).join();
            Deque<RoomEvent> kept = kept(room.roomId().slug());
            synchronized (kept) {
                for (PublishedRoomMessage message : stored) {
                    if (kept.size() < RECENT && kept.stream()
                            .noneMatch(known -> known.messageId().equals(message.messageId()))) {
                        kept.addFirst(event(message, json.writeValueAsString(message)));
                    }
                }
            }
        }
    }

    private RoomEvent message(String value) {
        try {
            return event(json.readValue(value, PublishedRoomMessage.class), value);
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static RoomEvent event(PublishedRoomMessage message, String value) {
        return new RoomEvent(message.room(), message.messageId(), message.senderId(), value);
    }

    private RoomEvent moderation(String value) {
        try {
            RoomModeration moderation = json.readValue(value, RoomModeration.class);
            return RoomModeration.DELETED.equals(moderation.kind())
                    ? new RoomEvent(moderation.room(), moderation.messageId(), null, null) : null;
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return null;
        }
    }

    @Override
    protected Disposable read() {
        Flux<RoomEvent> messages = LiveTopic.fromEnd(kafka, Topics.ROOM_PUBLISHED.name())
                .mapNotNull(record -> message(record.value()));
        Flux<RoomEvent> deletions = LiveTopic.fromEnd(kafka, Topics.ROOM_MODERATION.name())
                .mapNotNull(record -> moderation(record.value()));
        Disposable reading = Flux.merge(messages, deletions)
                .doOnNext(this::accept)
                .doOnError(error -> log.warn("Reading the chat rooms failed, starting again: {}", error.toString()))
                .retry()
                .subscribe();
        Schedulers.boundedElastic().schedule(() -> {
            try {
                remember();
            } catch (RuntimeException failed) {
                log.warn("The rooms' recent messages could not be read from history: {}", failed.toString());
            }
        });
        return reading;
    }
}
