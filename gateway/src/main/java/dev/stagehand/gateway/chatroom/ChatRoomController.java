package dev.stagehand.gateway.chatroom;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.chatroom.BanChatter;
import dev.stagehand.api.chatroom.ChangeRoomStyle;
import dev.stagehand.api.chatroom.ChatRoomView;
import dev.stagehand.api.chatroom.CreateChatRoom;
import dev.stagehand.api.chatroom.DeleteChatMessage;
import dev.stagehand.api.chatroom.FindChatRoom;
import dev.stagehand.api.chatroom.FindChatRooms;
import dev.stagehand.api.chatroom.FindRoomBans;
import dev.stagehand.api.chatroom.FindRoomMessages;
import dev.stagehand.api.chatroom.FindRoomMessagesAfter;
import dev.stagehand.api.chatroom.PublishedRoomMessage;
import dev.stagehand.api.chatroom.RoomId;
import dev.stagehand.api.chatroom.RoomMessagesAfter;
import dev.stagehand.api.chatroom.RoomStyle;
import dev.stagehand.api.chatroom.UnbanChatter;
import dev.stagehand.api.common.Conflict;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.gateway.account.AccountViews;
import dev.stagehand.gateway.security.CurrentAccount;
import dev.stagehand.live.chatroom.RoomSender;
import dev.stagehand.live.chatroom.ShownRoomMessage;
import dev.stagehand.live.chatroom.ShownRoomMessages;
import dev.stagehand.platform.axon.Queries;
import dev.stagehand.platform.problem.NotFoundException;
import dev.stagehand.platform.web.QueryParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The chat rooms: anyone lists them and reads their history; operators create rooms, change a room's style, ban and
 * unban chatters and take messages down.
 */
@RestController
@RequestMapping("/api/rooms")
class ChatRoomController {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    static final int MAX_HISTORY = 100;
    /** The ids the gateway gives messages (UUIDs), with room to spare. */

    private final CommandGateway commands;
    private final Queries queries;
    private final ShownRoomMessages shown;
    private final RoomSender sender;
    private final AccountViews accounts;

    ChatRoomController(CommandGateway commands, Queries queries, ShownRoomMessages shown, RoomSender sender,
                       AccountViews accounts) {
        this.commands = commands;
        this.queries = queries;
        this.shown = shown;
        this.sender = sender;
        this.accounts = accounts;
    }

    record NewRoom(String slug, String title, RoomStyle style) {
    }

    record Ban(String accountId, String reason) {
    }

    @GetMapping
    Mono<List<ChatRoomView>> rooms() {
        return queries.list(new FindChatRooms(), ChatRoomView.class);
    }

    @GetMapping("/{room}")
    Mono<ChatRoomView> room(@PathVariable String room) {
        return open(room);
    }

    /**
     * The room's messages before {@code before} (now by default) or before the message {@code beforeId} (to page back
     * through all of it), newest first, their senders by pseudonym.
     */
    @GetMapping("/{room}/messages")
    Mono<List<ShownRoomMessage>> messages(@PathVariable String room, @RequestParam(required = false) String before,
                                          @RequestParam(required = false) String beforeId,
                                          @RequestParam(defaultValue = "50") String limit) {
        Instant until = QueryParameters.time("before", before);
        if (beforeId != null && (until != null || !PublishedRoomMessage.isMessageId(beforeId))) {
            throw new RuleViolation(until != null ? "Page back by before or by beforeId, not both"
                    : "beforeId is the id of a message in this room");
        }
        int most = QueryParameters.limit(limit, MAX_HISTORY);
        return open(room).flatMap(view -> queries.list(new FindRoomMessages(view.roomId(), until, beforeId, most),
                                PublishedRoomMessage.class)
                        .flatMap(stored -> stored.isEmpty() && beforeId != null
                                ? known(view, beforeId).thenReturn(stored) : Mono.just(stored)))
                .map(stored -> stored.stream().map(shown::of).toList());
    }

    /** 404 unless the room had the message {@code messageId}. */
    private Mono<Void> known(ChatRoomView room, String messageId) {
        return queries.one(new FindRoomMessagesAfter(room.roomId(), messageId, 0), RoomMessagesAfter.class)
                .filter(RoomMessagesAfter::known)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("There is no message " + messageId + " in the room "
                        + room.roomId().slug() + ".")))
                .then();
    }

    /** @param text what to say, styled in the room's style like every message */
    record NewMessage(String text) {
    }

    /** @param messageId the id the message is published and kept under */
    record Accepted(String messageId) {
    }

    /**
     * Says something in the room, for bots and scripts: the same validation and limits as the room's WebSocket, 202
     * once Kafka holds the message. With an {@code Idempotency-Key}, a retried request is the same message: the same
     * id, stored once.
     */
    @PostMapping("/{room}/messages")
    Mono<ResponseEntity<Accepted>> say(CurrentAccount me, @PathVariable String room,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                       @RequestBody NewMessage message) {
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new RuleViolation("Idempotency-Key must be 1 to 64 letters, digits, '-', '_', '.' or ':'");
        }
        return open(room).zipWith(accounts.find(me.id()))
                .flatMap(both -> key == null
                        ? sender.send(both.getT1().roomId(), me.id(), both.getT2().displayName(), message.text())
                        : sender.sendOnce(both.getT1().roomId(), me.id(), both.getT2().displayName(), message.text(),
                                key))
                .flatMap(RoomSender.Handed::stored)
                .map(id -> ResponseEntity.accepted().body(new Accepted(id)))
                .onErrorMap(RoomSender.Refused.class, refused -> switch (refused.why()) {
                    case INVALID -> new RuleViolation(refused.getMessage());
                    case BANNED -> new ResponseStatusException(HttpStatus.FORBIDDEN, refused.getMessage());
                    case TOO_FAST -> new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, refused.getMessage());
                });
    }

    /** A new room; 409 when a room (open or closed) has its address already. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ChatRoomView> create(CurrentAccount me, @RequestBody NewRoom request) {
        operator(me);
        RoomId room = roomId(request.slug());
        Conflict taken = new Conflict("There is a room at " + room.slug() + " already.");
        Mono<ChatRoomView> made = find(room).repeatWhenEmpty(50, empty -> empty.delayElements(Duration.ofMillis(100)));
        return find(room).flatMap(existing -> Mono.<ChatRoomView>error(taken))
                .switchIfEmpty(Mono.fromFuture(() -> commands.send(new CreateChatRoom(room, request.title(),
                                request.style())))
                        // two operators at once: the event store lets one create it
                        .onErrorMap(EventStoreException.class, lost -> taken)
                        .then(made));
    }

    @PutMapping("/{room}/style")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> style(CurrentAccount me, @PathVariable String room, @RequestBody RoomStyle style) {
        operator(me);
        return open(room).flatMap(view -> Mono.fromFuture(() -> commands.send(new ChangeRoomStyle(view.roomId(),
                style)))).then();
    }

    @GetMapping("/{room}/bans")
    Mono<List<AccountId>> bans(CurrentAccount me, @PathVariable String room) {
        operator(me);
        return open(room).flatMap(view -> queries.list(new FindRoomBans(view.roomId()), AccountId.class));
    }

    @PostMapping("/{room}/bans")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> ban(CurrentAccount me, @PathVariable String room, @RequestBody Ban ban) {
        operator(me);
        if (ban.accountId() == null || ban.accountId().isBlank()) {
            throw new RuleViolation("accountId names the chatter to ban");
        }
        return open(room).flatMap(view -> Mono.fromFuture(() -> commands.send(new BanChatter(view.roomId(),
                new AccountId(ban.accountId()), ban.reason())))).then();
    }

    @DeleteMapping("/{room}/bans/{accountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> unban(CurrentAccount me, @PathVariable String room, @PathVariable String accountId) {
        operator(me);
        return open(room).flatMap(view -> Mono.fromFuture(() -> commands.send(new UnbanChatter(view.roomId(),
                new AccountId(accountId))))).then();
    }

    @DeleteMapping("/{room}/messages/{messageId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(CurrentAccount me, @PathVariable String room, @PathVariable String messageId) {
        operator(me);
        if (!PublishedRoomMessage.isMessageId(messageId)) {
            throw new NotFoundException("There is no message " + messageId + " in the room " + room + ".");
        }
        return open(room).flatMap(view -> Mono.fromFuture(() -> commands.send(new DeleteChatMessage(view.roomId(),
                messageId)))).then();
    }

    private static void operator(CurrentAccount me) {
        if (!me.operator()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only operators moderate and style rooms.");
        }
    }

    private static RoomId roomId(String slug) {
        try {
            return new RoomId(slug == null ? "" : slug);
        } catch (IllegalArgumentException notASlug) {
            throw new RuleViolation(notASlug.getMessage());
        }
    }

    private Mono<ChatRoomView> open(String slug) {
        return (RoomId.isSlug(slug) ? find(new RoomId(slug)) : Mono.<ChatRoomView>empty())
                .filter(view -> !view.closed())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("There is no open room " + slug + ".")));
    }

    private Mono<ChatRoomView> find(RoomId room) {
        return queries.optional(new FindChatRoom(room), ChatRoomView.class)
                .flatMap(Mono::justOrEmpty);
    }
}
