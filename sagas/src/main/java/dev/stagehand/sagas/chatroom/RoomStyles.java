package dev.stagehand.sagas.chatroom;

import dev.stagehand.api.chatroom.ChatRoomView;
import dev.stagehand.api.chatroom.FindChatRoom;
import dev.stagehand.api.chatroom.RoomId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * The rooms as the skibidifier needs them, each read again from the read model once it is a few seconds old, so that a
 * new style applies to the messages sent after it within seconds without asking for every message.
 */
@Component
class RoomStyles {

    static final Duration FRESH = Duration.ofSeconds(5);

    private record Known(Optional<ChatRoomView> room, Instant readAt) {
    }

    private final QueryGateway queries;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Known> rooms = new ConcurrentHashMap<>();

    RoomStyles(QueryGateway queries) {
        this.queries = queries;
    }

    /** The open room of this slug; empty when there is none, or it was closed. */
    Optional<ChatRoomView> open(String slug) {
        if (slug == null || !RoomId.isSlug(slug)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Known known = rooms.get(slug);
        if (known == null || known.readAt().plus(FRESH).isBefore(now)) {
            known = new Known(queries.query(new FindChatRoom(new RoomId(slug)),
                    ResponseTypes.optionalInstanceOf(ChatRoomView.class)).join(), now);
            rooms.put(slug, known);
        }
        return known.room().filter(room -> !room.closed());
    }
}
