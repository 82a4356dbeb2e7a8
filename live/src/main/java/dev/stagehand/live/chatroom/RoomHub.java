package dev.stagehand.live.chatroom;

import dev.stagehand.api.chatroom.ChatRoomView;
import dev.stagehand.api.chatroom.FindChatRooms;
import dev.stagehand.api.chatroom.FindRoomMessages;
import dev.stagehand.api.chatroom.PublishedRoomMessage;
import dev.stagehand.api.chatroom.RoomModeration;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.platform.kafka.LiveReading;
import dev.stagehand.platform.kafka.LiveTopic;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's chat rooms: reads {@code stagehand.rooms.published} and {@code stagehand.rooms.moderation} live (every
 * node sees every room, so a browser may join on any), keeps each room's last {@value #RECENT} messages in memory for
 * clients that join (read from history when the node starts), and once per tick hands each room's clients what arrived
 * in it, as one {@link RoomTick}: fan-out costs a frame per client per tick, however busy the room, and ticks lengthen
 * as clients join ({@link TickPace}).
 */
@Component
public class RoomHub extends LiveReading {

    static final int RECENT = 10;
    private static final Logger log = LoggerFactory.getLogger(RoomHub.class);

    private final KafkaConnectionDetails kafka;
    private final QueryGateway queries;
    private final JsonMapper json;
    private final RoomProperties settings;
    private final ShownRoomMessages shown;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final TickPace pace;

    RoomHub(KafkaConnectionDetails kafka, QueryGateway queries, JsonMapper json, RoomProperties settings,
            ShownRoomMessages shown) {
        this.kafka = kafka;
        this.queries = queries;
        this.json = json;
        this.settings = settings;
        this.shown = shown;
        this.pace = new TickPace(settings.tick(), settings.framesPerSecond());
    }

    /** One room on this node: its recent messages, what arrived since the last tick, and its clients' feed. */
    private static final class Room {
        final Deque<RoomEvent> recent = new ArrayDeque<>();
        final List<RoomEvent> pending = new ArrayList<>();
        final Sinks.Many<RoomTick> ticks = Sinks.many().multicast().directBestEffort();
    }

    /**
     * What joining the room sees: its recent messages, then a tick after tick of what happens in it. A message that
     * arrived in the tick under way is in both; {@link RoomTick#frameFor} leaves it out of the first tick.
     */
    public record Joined(List<RoomEvent> recent, Flux<RoomTick> ticks) {
    }

    public Joined join(String slug) {
        Room room = room(slug);
        synchronized (room) {
            return new Joined(List.copyOf(room.recent), room.ticks.asFlux());
        }
    }

    private Room room(String slug) {
        return rooms.computeIfAbsent(slug, any -> new Room());
    }

    private void accept(RoomEvent event) {
        Room room = room(event.room());
        synchronized (room) {
            if (event.deletion()) {
                room.recent.removeIf(message -> message.messageId().equals(event.messageId()));
            } else if (room.recent.stream().anyMatch(message -> message.messageId().equals(event.messageId()))) {
                return;
            } else {
                room.recent.addLast(event);
                if (room.recent.size() > RECENT) {
                    room.recent.removeFirst();
                }
            }
            room.pending.add(event);
        }
    }

    /** Every room's tick, when one is due: what arrived since the last one, to all its clients at once. */
    private void tick() {
        Duration length = pace.length(rooms.values().stream().mapToInt(room -> room.ticks.currentSubscriberCount())
                .sum());
        if (!pace.due(length, System.nanoTime())) {
            return;
        }
        int readable = settings.perTick(length);
        rooms.values().forEach(room -> {
            List<RoomEvent> arrived;
            synchronized (room) {
                if (room.pending.isEmpty()) {
                    return;
                }
                arrived = List.copyOf(room.pending);
                room.pending.clear();
            }
            room.ticks.tryEmitNext(new RoomTick(arrived, readable));
        });
    }

    /** The recent messages of every open room from history, behind any that arrived live since the node started. */
    private void remember() {
        List<ChatRoomView> rooms = queries.query(new FindChatRooms(),
                ResponseTypes.multipleInstancesOf(ChatRoomView.class)).join();
        for (ChatRoomView room : rooms) {
            List<PublishedRoomMessage> stored = queries.query(new FindRoomMessages(room.roomId(), null, RECENT),
                    ResponseTypes.multipleInstancesOf(PublishedRoomMessage.class)).join();
            Room kept = room(room.roomId().slug());
            synchronized (kept) {
                for (PublishedRoomMessage message : stored) {
                    if (kept.recent.size() < RECENT && kept.recent.stream()
                            .noneMatch(known -> known.messageId().equals(message.messageId()))) {
                        kept.recent.addFirst(event(message));
                    }
                }
            }
        }
    }

    private RoomEvent message(String value) {
        try {
            return event(json.readValue(value, PublishedRoomMessage.class));
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return null;
        }
    }

    /** The message as readers get it ({@link ShownRoomMessage}); its sender's account id stays on this node. */
    private RoomEvent event(PublishedRoomMessage message) {
        return new RoomEvent(message.room(), message.messageId(), message.senderId(),
                json.writeValueAsString(shown.of(message)));
    }

    private RoomEvent moderation(String value) {
        try {
            RoomModeration moderation = json.readValue(value, RoomModeration.class);
            return RoomModeration.DELETED.equals(moderation.kind()) && moderation.messageId() != null
                    && moderation.messageId().matches("[A-Za-z0-9-]{1,64}")
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
        Disposable ticking = Flux.interval(settings.tick(), Schedulers.single()).subscribe(any -> tick());
        Schedulers.boundedElastic().schedule(() -> {
            try {
                remember();
            } catch (RuntimeException failed) {
                log.warn("The rooms' recent messages could not be read from history: {}", failed.toString());
            }
        });
        return Disposables.composite(reading, ticking);
    }
}
