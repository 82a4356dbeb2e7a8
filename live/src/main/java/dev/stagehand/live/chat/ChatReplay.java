package dev.stagehand.live.chat;

import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.history.ChatMessagePage;
import dev.stagehand.api.history.FindChatMessages;
import dev.stagehand.platform.axon.Queries;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Overlay time travel: a past stretch of a channel's stored chat, played again at its own pace, or up to ten times
 * faster, for VOD edits and highlight reels. Records are read a page at a time as the replay reaches them.
 */
@Component
public class ChatReplay {

    static final Duration LONGEST = Duration.ofHours(24);
    static final int FASTEST = 10;
    private static final int PAGE = 500;

    private final Queries queries;

    ChatReplay(Queries queries) {
        this.queries = queries;
    }

    /**
     * What an overlay URL asks to replay: {@code from} (required), {@code to} (an hour later by default, at most 24 h)
     * and {@code speed} (1 to 10).
     */
    public record Request(Instant from, Instant to, int speed) {

        /**
         * The replay the parameters ask for; empty when they ask for none (live chat).
         *
         * @throws IllegalArgumentException saying, for the streamer, what is wrong with them
         */
        public static Optional<Request> of(Map<String, List<String>> parameters, Instant now) {
            String from = first(parameters, "from");
            if (from == null) {
                return Optional.empty();
            }
            Instant start = time("from", from);
            String to = first(parameters, "to");
            Instant end = to == null ? start.plus(Duration.ofHours(1)) : time("to", to);
            if (!start.isBefore(end) || !start.isBefore(now)) {
                throw new IllegalArgumentException("from must be in the past and before to");
            }
            if (Duration.between(start, end).compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException("a replay covers at most 24 hours");
            }
            String speed = first(parameters, "speed");
            int times;
            try {
                times = speed == null ? 1 : Integer.parseInt(speed);
            } catch (NumberFormatException notANumber) {
                times = 0;
            }
            if (times < 1 || times > FASTEST) {
                throw new IllegalArgumentException("speed must be a whole number from 1 to " + FASTEST);
            }
            return Optional.of(new Request(start, end, times));
        }

        private static String first(Map<String, List<String>> parameters, String name) {
            List<String> values = parameters.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        private static Instant time(String name, String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notATime) {
                throw new IllegalArgumentException(name + " must be an ISO-8601 time such as 2026-12-03T18:00:00Z");
            }
        }
    }

    /** The channel's records of the requested stretch, each when its time comes: {@code sentAt − from}, sped up. */
    public Flux<ChatRecord> play(String channelId, Request request) {
        return Flux.defer(() -> {
            long start = System.nanoTime();
            return records(FindChatMessages.replay(channelId, request.from(), request.to(), PAGE))
                    .concatMap(record -> {
                        long due = start + Duration.between(request.from(), record.sentAt()).toNanos()
                                / request.speed();
                        long wait = due - System.nanoTime();
                        return wait > 0 ? Mono.delay(Duration.ofNanos(wait)).thenReturn(record) : Mono.just(record);
                    }, 1);
        });
    }

    private Flux<ChatRecord> records(FindChatMessages first) {
        return page(first)
                .expand(page -> page.next() == null ? Mono.empty() : page(first.after(page.next())))
                .concatMapIterable(ChatMessagePage::messages, 1);
    }

    private Mono<ChatMessagePage> page(FindChatMessages query) {
        return queries.one(query, ChatMessagePage.class);
    }
}
