package dev.stagehand.gateway.analytics;

import dev.stagehand.api.analytics.ChatStats;
import dev.stagehand.api.analytics.FindChannelStats;
import dev.stagehand.api.analytics.FindChatStatsSeries;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.gateway.channel.SubscribedChannels;
import dev.stagehand.gateway.channel.QueryParameters;
import dev.stagehand.gateway.security.CurrentAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A subscribed channel's chat statistics: the current one-minute window (in the shape of the original stats API, with
 * the richer figures beside it) and the series of past windows.
 */
@RestController
@RequestMapping("/api/channels/{channelId}/stats")
class ChannelStatsController {

    private final QueryGateway queries;
    private final SubscribedChannels channels;

    ChannelStatsController(QueryGateway queries, SubscribedChannels channels) {
        this.queries = queries;
        this.channels = channels;
    }

    @GetMapping
    Mono<ChannelStatsResponse> current(CurrentAccount me, @PathVariable String channelId) {
        return channels.one(me, channelId)
                .then(Mono.fromFuture(() -> queries.query(new FindChannelStats(channelId),
                        ResponseTypes.multipleInstancesOf(ChatStats.class))).subscribeOn(Schedulers.boundedElastic()))
                .map(latest -> ChannelStatsResponse.of(channelId, latest, Instant.now()));
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
                .then(Mono.fromFuture(() -> queries.query(new FindChatStatsSeries(channelId, seconds, start, end),
                        ResponseTypes.multipleInstancesOf(ChatStats.class))).subscribeOn(Schedulers.boundedElastic()));
    }
}
