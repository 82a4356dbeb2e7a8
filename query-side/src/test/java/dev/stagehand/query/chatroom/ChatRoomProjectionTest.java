package dev.stagehand.query.chatroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.chatroom.ChatRoomClosed;
import dev.stagehand.api.chatroom.ChatRoomCreated;
import dev.stagehand.api.chatroom.ChatRoomView;
import dev.stagehand.api.chatroom.ChatterBanned;
import dev.stagehand.api.chatroom.ChatterUnbanned;
import dev.stagehand.api.chatroom.FindChatRoom;
import dev.stagehand.api.chatroom.FindChatRooms;
import dev.stagehand.api.chatroom.FindRoomBans;
import dev.stagehand.api.chatroom.RoomId;
import dev.stagehand.api.chatroom.RoomStyle;
import dev.stagehand.api.chatroom.RoomStyleChanged;
import dev.stagehand.api.chatroom.StyleRules;
import dev.stagehand.query.ProjectionTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatRoomProjectionTest extends ProjectionTest {

    private static final RoomId COVE = new RoomId("pirate-cove");
    private static final RoomId CASTLE = new RoomId("castle");
    private static final AccountId ADA = new AccountId("ada");
    private static final AccountId SAM = new AccountId("sam");
    private static final Instant AT = Instant.parse("2026-12-04T20:00:00Z");
    private static final RoomStyle PIRATE = new RoomStyle("Pirate", "Talk like a pirate.", new StyleRules(
            Map.of("hello", "ahoy", "friend", "matey"), List.of("Arr!"), List.of("Yo ho!"), List.of(":parrot:", ":skull:")));
    private static final RoomStyle KNIGHT = new RoomStyle("Knight", "Speak as a knight of old.", new StyleRules(
            Map.of("you", "thou"), List.of("Hark!"), List.of(), List.of(":shield:")));

    private final ChatRoomProjection projection = new ChatRoomProjection(JDBC, WRITES, JSON);

    @BeforeEach
    void clear() {
        projection.clear();
    }

    private List<AccountId> bans(RoomId room) {
        return projection.handle(new FindRoomBans(room));
    }

    @Test
    void aCreatedRoomIsFoundWithItsStyle() {
        projection.on(new ChatRoomCreated(COVE, "Pirate Cove", PIRATE), AT);
        assertThat(projection.handle(new FindChatRoom(COVE)))
                .contains(new ChatRoomView(COVE, "Pirate Cove", PIRATE, false, AT, AT));
        assertThat(projection.handle(new FindChatRoom(CASTLE))).isEmpty();
    }

    @Test
    void aStyleChangeReplacesTheRoomsStyle() {
        projection.on(new ChatRoomCreated(COVE, "Pirate Cove", PIRATE), AT);
        projection.on(new RoomStyleChanged(COVE, KNIGHT), AT.plusSeconds(60));
        assertThat(projection.handle(new FindChatRoom(COVE)))
                .contains(new ChatRoomView(COVE, "Pirate Cove", KNIGHT, false, AT, AT.plusSeconds(60)));
    }

    @Test
    void openRoomsAreListedByTitleAndAClosedOneIsFoundOnlyByItsSlug() {
        projection.on(new ChatRoomCreated(COVE, "Pirate Cove", PIRATE), AT);
        projection.on(new ChatRoomCreated(CASTLE, "Castle", KNIGHT), AT.plusSeconds(1));
        projection.on(new ChatRoomCreated(new RoomId("tavern"), "The Tavern", PIRATE), AT);
        assertThat(projection.handle(new FindChatRooms())).extracting(ChatRoomView::title)
                .containsExactly("Castle", "Pirate Cove", "The Tavern");

        projection.on(new ChatRoomClosed(CASTLE), AT.plusSeconds(60));
        assertThat(projection.handle(new FindChatRooms())).extracting(ChatRoomView::roomId)
                .containsExactly(COVE, new RoomId("tavern"));
        assertThat(projection.handle(new FindChatRoom(CASTLE))).get().satisfies(room -> {
            assertThat(room.closed()).isTrue();
            assertThat(room.updatedAt()).isEqualTo(AT.plusSeconds(60));
        });
    }

    @Test
    void bannedChattersAreListedByAccountUntilUnbanned() {
        projection.on(new ChatRoomCreated(COVE, "Pirate Cove", PIRATE), AT);
        projection.on(new ChatRoomCreated(CASTLE, "Castle", KNIGHT), AT);
        projection.on(new ChatterBanned(COVE, SAM, "spam"), AT);
        projection.on(new ChatterBanned(COVE, ADA, null), AT.plusSeconds(1));
        projection.on(new ChatterBanned(CASTLE, new AccountId("bob"), "rude"), AT);
        assertThat(bans(COVE)).containsExactly(ADA, SAM);

        projection.on(new ChatterUnbanned(COVE, SAM));
        assertThat(bans(COVE)).containsExactly(ADA);
        assertThat(bans(CASTLE)).containsExactly(new AccountId("bob"));
    }

    @Test
    void eachEventAppliedTwiceChangesNothing() {
        projection.on(new ChatRoomCreated(COVE, "Pirate Cove", PIRATE), AT);
        projection.on(new ChatRoomCreated(COVE, "Another Cove", KNIGHT), AT.plusSeconds(5));
        projection.on(new ChatterBanned(COVE, SAM, "spam"), AT);
        projection.on(new ChatterBanned(COVE, SAM, "spam"), AT);
        projection.on(new ChatterUnbanned(COVE, ADA));
        assertThat(projection.handle(new FindChatRoom(COVE)))
                .contains(new ChatRoomView(COVE, "Pirate Cove", PIRATE, false, AT, AT));
        assertThat(bans(COVE)).containsExactly(SAM);
    }
}
