package dev.stagehand.live.chatroom;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.chatroom.FindRoomBans;
import dev.stagehand.api.chatroom.RoomId;
import dev.stagehand.api.chatroom.SubmittedRoomMessage;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.platform.axon.Queries;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a registered chatter's message for a room: checks it (not banned, not empty, not too long, not too fast: a
 * burst, then one per refill, per chatter on this node) and puts it on {@code stagehand.rooms.submitted} with the id
 * the sender will see it published under.
 */
@Component
public class RoomSender {

    /** A refusal, in words for the chatter, and of which kind. */
    public static final class Refused extends RuntimeException {

        public enum Why { INVALID, BANNED, TOO_FAST }

        private final Why why;

        Refused(Why why, String reason) {
            super(reason, null, false, false);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }

    /** Messages sent with an idempotency key that this node remembers, so that a retry is the same message. */
    private static final int KEYS_REMEMBERED = 10_000;

    /** A message handed to Kafka: the id it will be published under, known once Kafka has acknowledged it. */
    public record Handed(String messageId, CompletableFuture<?> acknowledged) {

        public Mono<String> stored() {
            return Mono.fromFuture(acknowledged).thenReturn(messageId);
        }
    }

    private record Bucket(double tokens, Instant at) {
    }

    private record Bans(List<AccountId> accounts, Instant readAt) {
    }

    private final KafkaTemplate<String, String> kafka;
    private final Queries queries;
    private final RoomProperties settings;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();
    private final Map<AccountId, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Bans> bans = new ConcurrentHashMap<>();
    private final Map<String, Handed> keyed = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Handed> eldest) {
            return size() > KEYS_REMEMBERED;
        }
    });

    RoomSender(KafkaTemplate<String, String> kafka, Queries queries, RoomProperties settings, JsonMapper json) {
        this.kafka = kafka;
        this.queries = queries;
        this.settings = settings;
        this.json = json;
    }

    /**
     * The message, handed to Kafka when this completes (messages handed one after another keep their order), or
     * {@link Refused} with why not. Kafka's acknowledgement is not awaited here, so a sender's next message need not
     * wait for it.
     */
    public Mono<Handed> send(RoomId room, AccountId sender, String senderName, String text) {
        return send(room, sender, senderName, text, UUID.randomUUID().toString());
    }

    /**
     * The message as {@link #send(RoomId, AccountId, String, String)}, sent at most once per {@code key} of the
     * sender in the room: its id is derived from them, a retry this node remembers answers the first message without
     * sending it again, and the room's history and hubs keep one message per id whichever node a retry reached.
     */
    public Mono<Handed> sendOnce(RoomId room, AccountId sender, String senderName, String text, String key) {
        String id = UUID.nameUUIDFromBytes((sender.value() + "\n" + room.slug() + "\n" + key)
                .getBytes(StandardCharsets.UTF_8)).toString();
        Handed earlier = keyed.get(id);
        if (earlier != null) {
            return Mono.just(earlier);
        }
        return send(room, sender, senderName, text, id).doOnNext(handed -> keyed.put(id, handed));
    }

    private Mono<Handed> send(RoomId room, AccountId sender, String senderName, String text, String id) {
        String message = text == null ? "" : text.strip();
        if (message.isEmpty()) {
            return Mono.error(new Refused(Refused.Why.INVALID, "An empty message is not sent."));
        }
        if (message.codePointCount(0, message.length()) > settings.maxLength()) {
            return Mono.error(new Refused(Refused.Why.INVALID, "A message has at most " + settings.maxLength()
                    + " characters."));
        }
        return banned(room).flatMap(banned -> {
            if (banned.contains(sender)) {
                return Mono.error(new Refused(Refused.Why.BANNED, "You are banned from this room."));
            }
            if (!take(sender)) {
                return Mono.error(new Refused(Refused.Why.TOO_FAST,
                        "Slow down: you are sending faster than this room allows."));
            }
            SubmittedRoomMessage submitted = new SubmittedRoomMessage(SubmittedRoomMessage.SCHEMA_VERSION, id,
                    room.slug(), sender.value(), senderName, message, clock.instant());
            return Mono.just(new Handed(id, kafka.send(Topics.ROOM_SUBMITTED.name(), room.slug(),
                    json.writeValueAsString(submitted))));
        });
    }

    /** Takes one of the chatter's tokens, if there is one. */
    private boolean take(AccountId sender) {
        Instant now = clock.instant();
        double perToken = settings.refill().toNanos();
        boolean[] taken = {false};
        buckets.compute(sender, (who, bucket) -> {
            double tokens = bucket == null ? settings.burst()
                    : Math.min(settings.burst(), bucket.tokens() + Duration.between(bucket.at(), now).toNanos()
                            / perToken);
            taken[0] = tokens >= 1;
            return new Bucket(taken[0] ? tokens - 1 : tokens, now);
        });
        return taken[0];
    }

    /** The room's bans, read again once they are a few seconds old. */
    private Mono<List<AccountId>> banned(RoomId room) {
        Instant now = clock.instant();
        Bans known = bans.get(room.slug());
        if (known != null && known.readAt().plusSeconds(5).isAfter(now)) {
            return Mono.just(known.accounts());
        }
        return queries.list(new FindRoomBans(room), AccountId.class)
                .doOnNext(read -> bans.put(room.slug(), new Bans(read, now)));
    }
}
