package dev.stagehand.gateway.admin;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.chatroom.ChatterBanned;
import dev.stagehand.api.chatroom.ChatterUnbanned;
import dev.stagehand.api.chatroom.RoomId;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Many events at once for the rebuild tests: bans of accounts {@code a0, a1, …} in a room, then unbans of the first
 * ones, appended straight to the event store in the room's stream (only the chat-rooms projection handles them).
 */
public final class RoomBans {

    private RoomBans() {
    }

    /** Bans {@code banned} accounts, the one numbered {@code special} for that reason, then unbans the first ones. */
    public static void append(EventStore eventStore, String slug, int banned, int unbanned, int special, String reason) {
        RoomId room = new RoomId(slug);
        String aggregate = room.toString();
        long sequence = eventStore.lastSequenceNumberFor(aggregate).orElse(-1L);
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < banned + unbanned; i++) {
            Object event = i < banned
                    ? new ChatterBanned(room, new AccountId("a" + i), i == special ? reason : "spam")
                    : new ChatterUnbanned(room, new AccountId("a" + (i - banned)));
            batch.add(new GenericDomainEventMessage<>("ChatRoom", aggregate, ++sequence, event));
            if (batch.size() == 5_000 || i == banned + unbanned - 1) {
                eventStore.publish(batch);
                batch.clear();
            }
        }
    }
}
