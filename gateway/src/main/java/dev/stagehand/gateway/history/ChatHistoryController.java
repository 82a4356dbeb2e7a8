package dev.stagehand.gateway.history;

import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.history.ChatMessagePage;
import dev.stagehand.api.history.FindChatMessages;
import dev.stagehand.api.history.HistoryCursor;
import dev.stagehand.gateway.channel.SubscribedChannels;
import dev.stagehand.gateway.security.CurrentAccount;
import dev.stagehand.platform.axon.Queries;
import dev.stagehand.platform.web.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A subscribed channel's stored chat: searched by time range, chatter and words, a page at a time (newest first,
 * with a cursor to the next page), or exported whole as NDJSON or CSV.
 */
@RestController
@RequestMapping("/api/channels/{channelId}/messages")
class ChatHistoryController {

    static final int MAX_LIMIT = 500;
    static final int MAX_WORDS = 200;
    private static final int EXPORT_PAGE = 1000;
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9_]{1,25}");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Queries queries;
    private final SubscribedChannels channels;

    ChatHistoryController(Queries queries, SubscribedChannels channels) {
        this.queries = queries;
        this.channels = channels;
    }

    /** @param next the cursor of the following page, or null on the last */
    record HistoryPage(List<ChatRecord> messages, String next) {
    }

    @GetMapping
    Mono<HistoryPage> search(CurrentAccount me, @PathVariable String channelId,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String user, @RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "100") String limit,
                             @RequestParam(required = false) String cursor) {
        FindChatMessages query = query(channelId, from, to, user, q, QueryParameters.limit(limit, MAX_LIMIT),
                cursor == null || cursor.isBlank() ? null : cursor(cursor));
        return channels.one(me, channelId).then(page(query))
                .map(page -> new HistoryPage(page.messages(), page.next() == null ? null : page.next().token()));
    }

    @GetMapping("/export")
    Mono<ResponseEntity<Flux<ChatRecord>>> export(CurrentAccount me, @PathVariable String channelId,
                                                  @RequestParam(required = false) String from,
                                                  @RequestParam(required = false) String to,
                                                  @RequestParam(required = false) String user,
                                                  @RequestParam(required = false) String q,
                                                  @RequestParam(defaultValue = "ndjson") String format) {
        if (!format.equals("ndjson")) {
            throw new RuleViolation("format must be ndjson or csv, not '" + format + "'");
        }
        return exported(me, channelId, query(channelId, from, to, user, q, EXPORT_PAGE, null), "ndjson",
                MediaType.APPLICATION_NDJSON, records -> records);
    }

    @GetMapping(value = "/export", params = "format=csv")
    Mono<ResponseEntity<Flux<String>>> exportCsv(CurrentAccount me, @PathVariable String channelId,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to,
                                                 @RequestParam(required = false) String user,
                                                 @RequestParam(required = false) String q) {
        return exported(me, channelId, query(channelId, from, to, user, q, EXPORT_PAGE, null), "csv", CSV,
                records -> Flux.just(ChatCsv.HEADER).concatWith(records.map(ChatCsv::row)));
    }

    /** Every record the query finds, page after page, as a file download in {@code type}. */
    private <T> Mono<ResponseEntity<Flux<T>>> exported(CurrentAccount me, String channelId, FindChatMessages first,
                                                       String extension, MediaType type,
                                                       Function<Flux<ChatRecord>, Flux<T>> body) {
        return channels.one(me, channelId).map(channel -> {
            Flux<ChatRecord> records = page(first)
                    .expand(page -> page.next() == null ? Mono.empty() : page(first.after(page.next())))
                    .concatMapIterable(ChatMessagePage::messages);
            ContentDisposition file = ContentDisposition.attachment()
                    .filename("chat-" + channel.login() + "." + extension).build();
            return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, file.toString()).contentType(type)
                    .body(body.apply(records));
        });
    }

    private Mono<ChatMessagePage> page(FindChatMessages query) {
        return queries.one(query, ChatMessagePage.class);
    }

    private static FindChatMessages query(String channelId, String from, String to, String user, String words,
                                          int limit, HistoryCursor cursor) {
        Instant start = QueryParameters.time("from", from);
        Instant end = QueryParameters.time("to", to);
        QueryParameters.ordered("from", start, "to", end);
        String chatter = blankToNull(user);
        if (chatter != null && !LOGIN.matcher(chatter).matches()) {
            throw new RuleViolation("user must be a Twitch login, not '" + user + "'");
        }
        String text = blankToNull(words);
        if (text != null && text.length() > MAX_WORDS) {
            throw new RuleViolation("q is limited to " + MAX_WORDS + " characters");
        }
        return FindChatMessages.search(channelId, start, end, chatter, text, limit, cursor);
    }

    private static HistoryCursor cursor(String token) {
        try {
            return HistoryCursor.of(token);
        } catch (IllegalArgumentException notACursor) {
            throw new RuleViolation(notACursor.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
