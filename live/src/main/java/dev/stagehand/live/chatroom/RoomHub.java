package dev.stagehand.live.chatroom;

import dev.stagehand.api.chatroom.ChatRoomView;
import dev.stagehand.api.chatroom.FindChatRooms;
import dev.stagehand.api.chatroom.FindRoomMessages;
import dev.stagehand.api.chatroom.FindRoomMessagesAfter;
import dev.stagehand.api.chatroom.PublishedRoomMessage;
import dev.stagehand.api.chatroom.RoomId;
import dev.stagehand.api.chatroom.RoomMessagesAfter;
import dev.stagehand.api.chatroom.RoomModeration;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.platform.axon.Queries;
import dev.stagehand.platform.kafka.LiveReading;
import dev.stagehand.platform.kafka.LiveTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's chat rooms: reads {@code stagehand.rooms.published} and {@code stagehand.rooms.moderation} live (every
 * node sees every room, so a browser may join on any), keeps each room's latest messages in memory (as many as a
 * reconnecting client may catch up on: read from the topic's tail when the node starts, the last ten from history for
 * rooms quiet since), and once per tick hands each room's clients what arrived in it, as one {@link RoomTick}: fan-out
 * costs a frame per client per tick, however busy the room, and ticks lengthen as clients join ({@link TickPace}).
 */
@Component
public class RoomHub extends LiveReading {

    static final int RECENT = 10;
    /** Ticks a client that reads what a person can may fall behind before it loses one (and is told so). */
    private static final int SAMPLED_BACKLOG = 4;
    private static final Logger log = LoggerFactory.getLogger(RoomHub.class);

    private final KafkaConnectionDetails kafka;
    private final Queries queries;
    private final JsonMapper json;
    private final RoomProperties settings;
    private final ShownRoomMessages shown;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final TickPace pace;

    RoomHub(KafkaConnectionDetails kafka, Queries queries, JsonMapper json, RoomProperties settings,
            ShownRoomMessages shown) {
        this.kafka = kafka;
        this.queries = queries;
        this.json = json;
        this.settings = settings;
        this.shown = shown;
        this.pace = new TickPace(settings.tick(), settings.framesPerSecond());
    }

    /**
     * One room on this node: its latest messages by id, oldest first; the latest deletions (a deletion read before its
     * message keeps the message out); what arrived since the last tick, and its clients' feed.
     */
    private static final class Room {
        final LinkedHashMap<String, RoomEvent> kept = new LinkedHashMap<>();
        final Set<String> deleted = new LinkedHashSet<>();
        final List<RoomEvent> pending = new ArrayList<>();
        final Sinks.Many<RoomTick> ticks = Sinks.many().multicast().directBestEffort();
        long ticked;
    }

    /** How a client takes the room's messages. */
    public enum Delivery {
        /** What a person can read: each tick's sample; a client that falls behind loses ticks, counted. */
        SAMPLED,
        /** Every message, for bots: a client that falls {@code fullBacklog} ticks behind is ended with {@link Behind}. */
        FULL
    }

    /** Ends the ticks of a {@link Delivery#FULL} client that fell too far behind. */
    public static final class Behind extends RuntimeException {
        Behind(int ticks) {
            super("Too slow for every message: " + ticks + " ticks behind. Read faster or use the sampled stream.",
                    null, false, false);
        }
    }

    /**
     * A client in a room: the messages it joined with (the last ten, or everything it missed), then the room's ticks
     * from the moment of joining, none lost before it subscribes, until it {@link #leave}s. A message in the tick under
     * way at the join is in both: {@link #known} says which tick may repeat messages it has.
     */
    public static final class Joined {
        private final List<RoomEvent> messages;
        private final String gap;
        private final Set<String> messageIds;
        private final long firstTick;
        private final Flux<RoomTick> ticks;
        private final Disposable feed;
        private final AtomicLong dropped = new AtomicLong();

        private Joined(Room room, List<RoomEvent> messages, String gap, Delivery delivery, int backlog) {
            this.messages = List.copyOf(messages);
            this.gap = gap;
            this.messageIds = messages.stream().map(RoomEvent::messageId).collect(Collectors.toUnmodifiableSet());
            this.firstTick = room.ticked;
            // Exactly this many (reactor's own queues round up to a power of two).
            Sinks.Many<RoomTick> mine = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(backlog));
            // Subscribed now, while the room is locked: no tick after the join is missed.
            feed = room.ticks.asFlux().filter(tick -> tick.number() >= firstTick).subscribe(tick -> {
                if (mine.tryEmitNext(tick) == Sinks.EmitResult.FAIL_OVERFLOW) {
                    if (delivery == Delivery.FULL) {
                        mine.tryEmitError(new Behind(backlog));
                    } else {
                        dropped.addAndGet(tick.messages());
                    }
                }
            });
            this.ticks = mine.asFlux();
        }

        public List<RoomEvent> messages() {
            return messages;
        }

        /** Why a client that came back could not have every message it missed (it has the last ten instead). */
        public Optional<String> gap() {
            return Optional.ofNullable(gap);
        }

        /** The room's ticks from the join on; subscribe once. */
        public Flux<RoomTick> ticks() {
            return ticks;
        }

        /** The messages of {@code tick} this client has had already. */
        public Set<String> known(RoomTick tick) {
            return tick.number() == firstTick ? messageIds : Set.of();
        }

        /** The client is gone: its feed of ticks ends. */
        public void leave() {
            feed.dispose();
        }

        /** How many messages this client lost by falling behind since this was last asked. */
        public long takeDropped() {
            return dropped.getAndSet(0);
        }
    }

    /** Joins {@code slug} with its last ten messages. */
    public Joined join(String slug, Delivery delivery) {
        return joinWithLastTen(slug, null, delivery);
    }

    /**
     * Joins {@code slug} again after the message {@code since}, with every message said after it, exactly once: from
     * this node's memory when it keeps that message, else from history and then memory. Past {@code resumable}
     * messages, or when {@code since} is unknown, the join has a {@link Joined#gap} and the last ten.
     */
    public Mono<Joined> rejoin(String slug, String since, Delivery delivery) {
        return Mono.justOrEmpty(resume(slug, since, List.of(), delivery)).switchIfEmpty(Mono.defer(() -> queries
                .one(new FindRoomMessagesAfter(new RoomId(slug), since, settings.resumable() + 1),
                        RoomMessagesAfter.class)
                .map(after -> fromHistory(slug, since, after, delivery))));
    }

    private Joined fromHistory(String slug, String since, RoomMessagesAfter after, Delivery delivery) {
        if (!after.known()) {
            return joinWithLastTen(slug, "No message " + since + " was said in this room.", delivery);
        }
        if (after.messages().size() > settings.resumable()) {
            return joinWithLastTen(slug, "More than " + settings.resumable() + " messages were said since " + since
                    + ".", delivery);
        }
        List<RoomEvent> missed = after.messages().stream().map(this::event).toList();
        String last = missed.isEmpty() ? since : missed.get(missed.size() - 1).messageId();
        return resume(slug, last, missed, delivery).orElseGet(() -> joinWithLastTen(slug,
                "The messages after " + since + " are not all at hand on this node yet.", delivery));
    }

    private Joined joinWithLastTen(String slug, String gap, Delivery delivery) {
        Room room = room(slug);
        synchronized (room) {
            List<RoomEvent> all = List.copyOf(room.kept.values());
            return new Joined(room, all.subList(Math.max(0, all.size() - RECENT), all.size()), gap, delivery,
                    backlog(delivery));
        }
    }

    /** Joins after {@code since} if this node keeps it: {@code earlier} (from history), then what followed it. */
    private Optional<Joined> resume(String slug, String since, List<RoomEvent> earlier, Delivery delivery) {
        Room room = room(slug);
        synchronized (room) {
            if (!room.kept.containsKey(since)) {
                return Optional.empty();
            }
            List<RoomEvent> missed = new ArrayList<>(earlier);
            boolean passed = false;
            for (RoomEvent event : room.kept.values()) {
                if (passed) {
                    missed.add(event);
                }
                passed |= event.messageId().equals(since);
            }
            return Optional.of(new Joined(room, missed, null, delivery, backlog(delivery)));
        }
    }

    private int backlog(Delivery delivery) {
        return delivery == Delivery.FULL ? settings.fullBacklog() : SAMPLED_BACKLOG;
    }

    private Room room(String slug) {
        return rooms.computeIfAbsent(slug, any -> new Room());
    }

    /** A message or deletion; one read from the topic's tail when the node started is kept, not sent. */
    private void accept(RoomEvent event, boolean writtenBefore) {
        Room room = room(event.room());
        synchronized (room) {
            if (event.deletion()) {
                room.kept.remove(event.messageId());
                room.deleted.add(event.messageId());
                trim(room.deleted);
            } else if (room.kept.containsKey(event.messageId()) || room.deleted.contains(event.messageId())) {
                return;
            } else {
                room.kept.put(event.messageId(), event);
                trim(room.kept.keySet());
            }
            if (!writtenBefore) {
                room.pending.add(event);
            }
        }
    }

    private void trim(Set<String> oldestFirst) {
        Iterator<String> oldest = oldestFirst.iterator();
        for (int over = oldestFirst.size() - settings.resumable(); over > 0; over--) {
            oldest.next();
            oldest.remove();
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
            RoomTick tick;
            synchronized (room) {
                if (room.pending.isEmpty()) {
                    return;
                }
                tick = new RoomTick(room.ticked++, room.pending, readable);
                room.pending.clear();
            }
            room.ticks.tryEmitNext(tick);
        });
    }

    /** The last messages of every open room from history, before those read from the topic's tail (older ones). */
    private void remember() {
        List<ChatRoomView> rooms = queries.list(new FindChatRooms(), ChatRoomView.class).block();
        for (ChatRoomView room : rooms) {
            List<PublishedRoomMessage> stored = queries.list(new FindRoomMessages(room.roomId(), null, null, RECENT),
                    PublishedRoomMessage.class).block();
            Room kept = room(room.roomId().slug());
            synchronized (kept) {
                LinkedHashMap<String, RoomEvent> older = new LinkedHashMap<>();
                for (int i = stored.size() - 1; i >= 0; i--) {
                    PublishedRoomMessage message = stored.get(i);
                    if (!kept.kept.containsKey(message.messageId()) && !kept.deleted.contains(message.messageId())) {
                        older.put(message.messageId(), event(message));
                    }
                }
                older.putAll(kept.kept);
                kept.kept.clear();
                kept.kept.putAll(older);
                trim(kept.kept.keySet());
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
            return RoomModeration.DELETED.equals(moderation.kind()) && PublishedRoomMessage.isMessageId(moderation.messageId())
                    ? new RoomEvent(moderation.room(), moderation.messageId(), null, null) : null;
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return null;
        }
    }

    @Override
    protected Disposable read() {
        int resumable = settings.resumable();
        Flux<Accepted> messages = LiveTopic.withRecent(kafka, Topics.ROOM_PUBLISHED.name(), resumable)
                .mapNotNull(read -> Accepted.of(message(read.record().value()), read.writtenBefore()));
        Flux<Accepted> deletions = LiveTopic.withRecent(kafka, Topics.ROOM_MODERATION.name(), resumable)
                .mapNotNull(read -> Accepted.of(moderation(read.record().value()), read.writtenBefore()));
        Disposable reading = Flux.merge(messages, deletions)
                .doOnNext(accepted -> accept(accepted.event(), accepted.writtenBefore()))
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

    /** An event read from Kafka, and whether it was written before the node began reading. */
    private record Accepted(RoomEvent event, boolean writtenBefore) {
        static Accepted of(RoomEvent event, boolean writtenBefore) {
            return event == null ? null : new Accepted(event, writtenBefore);
        }
    }
}
