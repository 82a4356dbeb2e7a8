package dev.stagehand.command.chatroom;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.chatroom.BanChatter;
import dev.stagehand.api.chatroom.ChangeRoomStyle;
import dev.stagehand.api.chatroom.ChatMessageDeleted;
import dev.stagehand.api.chatroom.ChatRoomClosed;
import dev.stagehand.api.chatroom.ChatRoomCreated;
import dev.stagehand.api.chatroom.ChatterBanned;
import dev.stagehand.api.chatroom.ChatterUnbanned;
import dev.stagehand.api.chatroom.CloseChatRoom;
import dev.stagehand.api.chatroom.CreateChatRoom;
import dev.stagehand.api.chatroom.DeleteChatMessage;
import dev.stagehand.api.chatroom.RoomId;
import dev.stagehand.api.chatroom.RoomStyle;
import dev.stagehand.api.chatroom.RoomStyleChanged;
import dev.stagehand.api.chatroom.StyleRules;
import dev.stagehand.api.chatroom.UnbanChatter;
import dev.stagehand.api.common.RuleViolation;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatRoomTest {

    private static final RoomId COVE = new RoomId("pirate-cove");
    private static final RoomStyle PIRATE = new RoomStyle("Pirate", "Rewrite the message as a pirate would say it.",
            new StyleRules(Map.of("you", "ye"), List.of("Arr!"), List.of("matey."), List.of("🏴‍☠️")));
    private static final RoomStyle BARD = new RoomStyle("Bard", "Rewrite the message as Shakespeare would.",
            new StyleRules(Map.of("you", "thou"), List.of("Hark!"), List.of("forsooth."), List.of("🎭")));
    private static final ChatRoomCreated CREATED = new ChatRoomCreated(COVE, "Pirate Cove", PIRATE);
    private static final AccountId SAM = new AccountId("sam");

    private AggregateTestFixture<ChatRoom> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChatRoom.class);
    }

    @Test
    void aRoomIsCreatedWithItsStyle() {
        fixture.givenNoPriorActivity()
               .when(new CreateChatRoom(COVE, "  Pirate Cove ", PIRATE))
               .expectEvents(CREATED);
    }

    @Test
    void aRoomNeedsATitle() {
        fixture.givenNoPriorActivity()
               .when(new CreateChatRoom(COVE, " ", PIRATE))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("A room needs a title of at most 60 characters");
    }

    @Test
    void aStyleNeedsAPrompt() {
        fixture.givenNoPriorActivity()
               .when(new CreateChatRoom(COVE, "Pirate Cove", new RoomStyle("Pirate", "", PIRATE.rules())))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("A style needs a prompt of at most 2000 characters");
    }

    @Test
    void theStyleChanges() {
        fixture.given(CREATED)
               .when(new ChangeRoomStyle(COVE, BARD))
               .expectEvents(new RoomStyleChanged(COVE, BARD));
    }

    @Test
    void theSameStyleAgainChangesNothing() {
        fixture.given(CREATED)
               .when(new ChangeRoomStyle(COVE, PIRATE))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aChatterIsBannedOnceAndUnbanned() {
        fixture.given(CREATED)
               .when(new BanChatter(COVE, SAM, "spam"))
               .expectEvents(new ChatterBanned(COVE, SAM, "spam"));
        fixture.given(CREATED, new ChatterBanned(COVE, SAM, "spam"))
               .when(new BanChatter(COVE, SAM, "again"))
               .expectNoEvents();
        fixture.given(CREATED, new ChatterBanned(COVE, SAM, "spam"))
               .when(new UnbanChatter(COVE, SAM))
               .expectEvents(new ChatterUnbanned(COVE, SAM));
    }

    @Test
    void aMessageIsDeletedOnce() {
        fixture.given(CREATED)
               .when(new DeleteChatMessage(COVE, "m1"))
               .expectEvents(new ChatMessageDeleted(COVE, "m1"));
        fixture.given(CREATED, new ChatMessageDeleted(COVE, "m1"))
               .when(new DeleteChatMessage(COVE, "m1"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aClosedRoomTakesNoMoreChanges() {
        fixture.given(CREATED)
               .when(new CloseChatRoom(COVE))
               .expectEvents(new ChatRoomClosed(COVE));
        fixture.given(CREATED, new ChatRoomClosed(COVE))
               .when(new BanChatter(COVE, SAM, "spam"))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("The room pirate-cove is closed");
    }
}
