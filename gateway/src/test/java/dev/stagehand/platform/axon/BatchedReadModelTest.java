package dev.stagehand.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.chatroom.ChatRoomCreated;
import dev.stagehand.api.chatroom.ChatterBanned;
import dev.stagehand.api.chatroom.RoomId;
import dev.stagehand.api.chatroom.RoomStyle;
import dev.stagehand.api.chatroom.StyleRules;
import dev.stagehand.gateway.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A live read model writes a batch of events at its end; when that fails, the event at fault is still found and
 * dead-lettered alone, and every other event of the batch is applied.
 */
class BatchedReadModelTest extends IntegrationTest {

    private static final int SEGMENTS = 4;
    private static final int BANS = 10;

    @Autowired
    private EventStore eventStore;
    @Autowired
    private DeadLetters deadLetters;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void aBatchThatFailsAtItsEndDeadLettersOnlyTheEventAtFault() {
        RoomId unknown = new RoomId("batch-never-created");
        // Rooms whose events fall in the unknown room's segment (by aggregate, as Axon's default policy splits them):
        // the failing ban travels in one batch with theirs, some before it, some after.
        List<RoomId> rooms = IntStream.range(0, 100).mapToObj(number -> new RoomId("batch-room-" + number))
                .filter(room -> segment(room) == segment(unknown)).limit(6).toList();
        List<DomainEventMessage<?>> events = new ArrayList<>();
        rooms.subList(0, 3).forEach(room -> events.addAll(roomWithBans(room)));
        events.add(new GenericDomainEventMessage<>("ChatRoom", unknown.toString(), 0,
                new ChatterBanned(unknown, new AccountId("someone"), "in a room nobody created")));
        rooms.subList(3, 6).forEach(room -> events.addAll(roomWithBans(room)));
        eventStore.publish(events);

        await().atMost(Duration.ofSeconds(60)).until(() -> bans("batch-room-%") == rooms.size() * BANS);
        assertThat(deadLetters.of("chat-rooms")).singleElement().satisfies(letter -> {
            assertThat(letter.sequence()).isEqualTo(unknown.toString());
            assertThat(letter.cause()).contains("chat_room_ban_view");
        });
        deadLetters.drop("chat-rooms", deadLetters.of("chat-rooms").get(0).eventId());
    }

    private long bans(String slugs) {
        return jdbc.sql("SELECT count(*) FROM chat_room_ban_view WHERE slug LIKE :slugs").param("slugs", slugs)
                .query(Long.class).single();
    }

    private static int segment(RoomId room) {
        return room.toString().hashCode() & (SEGMENTS - 1);
    }

    private static List<DomainEventMessage<?>> roomWithBans(RoomId room) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(new GenericDomainEventMessage<>("ChatRoom", room.toString(), 0, new ChatRoomCreated(room,
                "Batched", new RoomStyle("Plain", "Say it plainly.", new StyleRules(Map.of(), List.of(), List.of(),
                List.of())))));
        for (int ban = 1; ban <= BANS; ban++) {
            events.add(new GenericDomainEventMessage<>("ChatRoom", room.toString(), ban,
                    new ChatterBanned(room, new AccountId("chatter-" + ban), "spam")));
        }
        return events;
    }
}
