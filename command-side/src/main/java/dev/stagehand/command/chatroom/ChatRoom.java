package dev.stagehand.command.chatroom;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import dev.stagehand.api.chatroom.UnbanChatter;
import dev.stagehand.api.common.RuleViolation;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A chat room of our own: its title, its style, who may not send in it, and which messages were taken down. Messages
 * themselves never pass through it (they travel on Kafka); a closed room takes no more changes.
 */
@Aggregate
class ChatRoom {

    private static final int MAX_TITLE = 60;

    @AggregateIdentifier
    private RoomId roomId;
    private RoomStyle style;
    private final Set<AccountId> banned = new HashSet<>();
    private final Set<String> deleted = new HashSet<>();
    private boolean closed;

    ChatRoom() {
        // for Axon, which rebuilds the room from its events
    }

    @CommandHandler
    ChatRoom(CreateChatRoom command) {
        String title = command.title() == null ? "" : command.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw new RuleViolation("A room needs a title of at most " + MAX_TITLE + " characters");
        }
        if (command.style() == null) {
            throw new RuleViolation("A room needs a style");
        }
        apply(new ChatRoomCreated(command.roomId(), title, command.style().validated()));
    }

    @CommandHandler
    void handle(ChangeRoomStyle command) {
        open();
        if (command.style() == null) {
            throw new RuleViolation("A room needs a style");
        }
        if (!command.style().validated().equals(style)) {
            apply(new RoomStyleChanged(roomId, command.style()));
        }
    }

    @CommandHandler
    void handle(BanChatter command) {
        open();
        if (!banned.contains(command.chatter())) {
            apply(new ChatterBanned(roomId, command.chatter(), command.reason()));
        }
    }

    @CommandHandler
    void handle(UnbanChatter command) {
        open();
        if (banned.contains(command.chatter())) {
            apply(new ChatterUnbanned(roomId, command.chatter()));
        }
    }

    @CommandHandler
    void handle(DeleteChatMessage command) {
        open();
        if (!deleted.contains(command.messageId())) {
            apply(new ChatMessageDeleted(roomId, command.messageId()));
        }
    }

    @CommandHandler
    void handle(CloseChatRoom command) {
        if (!closed) {
            apply(new ChatRoomClosed(roomId));
        }
    }

    private void open() {
        if (closed) {
            throw new RuleViolation("The room " + roomId.slug() + " is closed");
        }
    }

    @EventSourcingHandler
    void on(ChatRoomCreated event) {
        roomId = event.roomId();
        style = event.style();
    }

    @EventSourcingHandler
    void on(RoomStyleChanged event) {
        style = event.style();
    }

    @EventSourcingHandler
    void on(ChatterBanned event) {
        banned.add(event.chatter());
    }

    @EventSourcingHandler
    void on(ChatterUnbanned event) {
        banned.remove(event.chatter());
    }

    @EventSourcingHandler
    void on(ChatMessageDeleted event) {
        deleted.add(event.messageId());
    }

    @EventSourcingHandler
    void on(ChatRoomClosed event) {
        closed = true;
    }
}
