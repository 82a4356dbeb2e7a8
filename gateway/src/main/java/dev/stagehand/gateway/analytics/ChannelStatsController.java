package dev.stagehand.gateway.analytics;

import dev.stagehand.api.analytics.ChatStats;
import dev.stagehand.api.analytics.FindChannelStats;
import dev.stagehand.api.analytics.FindChatStatsSeries;
import dev.stagehand.api.analytics.FindStreamChatStats;
import dev.stagehand.api.analytics.StreamChatStats;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.stream.FindLiveStreams;
import dev.stagehand.api.stream.StreamView;
import dev.stagehand.gateway.channel.QueryParameters;
import dev.stagehand.gateway.channel.SubscribedChannels;
import dev.stagehand.gateway.security.CurrentAccount;
import dev.stagehand.platform.axon.Queries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A subscribed channel's chat statistics: the current one-minute window (in the shape of the original stats API, with
 * the richer figures beside it, and its live stream's), and the series of past windows.
 */
@RestController
@RequestMapping("/api/channels/{channelId}/stats")
class ChannelStatsController {

    private final Queries queries;
    private final SubscribedChannels channels;

    ChannelStatsController(Queries queries, SubscribedChannels channels) {
        this.queries = queries;
        this.channels = channels;
    }

    @GetMapping
    Mono<ChannelStatsResponse> current(CurrentAccount me, @PathVariable String channelId) {
        return channels.one(me, channelId)
                .then(Mono.zip(queries.list(new FindChannelStats(channelId), ChatStats.class), stream(channelId)))
                .map(both -> ChannelStatsResponse.of(channelId, both.getT1(), both.getT2(), Instant.now()));
    }

    /** The channel's chat over its live stream, if it is live. */
    private Mono<Optional<StreamChatStats>> stream(String channelId) {
        return queries.list(new FindLiveStreams(), StreamView.class)
                .flatMap(live -> live.stream().filter(stream -> stream.broadcasterId().equals(channelId)).findFirst()
                        .map(stream -> queries.one(new FindStreamChatStats(channelId, stream.info().startedAt()), StreamChatStats.class).map(Optional::of))
                        .orElse(Mono.just(Optional.empty())));
    }

    @GetMapping("/series")
    Mono<List<ChatStats>> series(CurrentAccount me, @PathVariable String channelId,
                                 @RequestParam(defaultValue = "60") String window,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to) {
        int seconds = switch (window) {
            case "60", "1m" -> 60;
            case "600", "10m" -> 600;
            default -> throw new RuleViolation("window must be 1m or 10m (60 or 600 seconds), not '" + window + "'");
        };
        Instant end = Objects.requireNonNullElseGet(QueryParameters.time("to", to), Instant::now);
        Instant start = Objects.requireNonNullElse(QueryParameters.time("from", from), end.minus(Duration.ofHours(1)));
        QueryParameters.boundedRange(start, end);
        return channels.one(me, channelId)
                .then(queries.list(new FindChatStatsSeries(channelId, seconds, start, end), ChatStats.class));
    }
}
