package dev.stagehand.gateway.highlight;

import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.ClipView;
import dev.stagehand.api.highlight.FindClipsBetween;
import dev.stagehand.gateway.channel.QueryParameters;
import dev.stagehand.gateway.channel.SubscribedChannels;
import dev.stagehand.gateway.security.CurrentAccount;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The original clips API: {@code GET /v1.0/clip?start=<iso8601>&end=<iso8601>&limit=<int>}, the clips made between
 * two times (start included, end not), newest first, of the channels the account subscribes.
 */
@RestController
class ClipController {

    private final QueryGateway queries;
    private final SubscribedChannels channels;

    ClipController(QueryGateway queries, SubscribedChannels channels) {
        this.queries = queries;
        this.channels = channels;
    }

    /** A clip, and the spike that made it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ClipResponse(String clipId, String channelId, String url, String embedUrl, String thumbnailUrl,
                        String title, double duration, Instant createdAt, Spike spike) {

        static ClipResponse of(ClipView view) {
            ChatSpike spike = view.spike();
            return new ClipResponse(view.clip().id(), view.channelId(), view.clip().url(), view.clip().embedUrl(),
                    view.clip().thumbnailUrl(), view.clip().title(), view.clip().durationSeconds(),
                    view.clip().createdAt(), new Spike(spike.windowStart(), spike.windowEnd(), spike.messages(),
                    spike.baselineMean(), spike.baselineStdDev(), spike.threshold()));
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Spike(Instant windowStart, Instant windowEnd, long messages, double baselineMean, double baselineStdDev,
                 double threshold) {
    }

    @GetMapping("/v1.0/clip")
    Mono<List<ClipResponse>> clips(CurrentAccount me, @RequestParam(required = false) String start,
                                   @RequestParam(required = false) String end,
                                   @RequestParam(defaultValue = "20") String limit) {
        Instant from = required("start", start);
        Instant to = required("end", end);
        QueryParameters.ordered("start", from, "end", to);
        int most = QueryParameters.limit(limit, HighlightController.MAX_CLIPS);
        return channels.all(me)
                .map(subscribed -> subscribed.stream().map(view -> view.channelId().value())
                        .collect(Collectors.toSet()))
                .flatMap(ids -> Mono.fromFuture(() -> queries.query(new FindClipsBetween(ids, from, to, most),
                        ResponseTypes.multipleInstancesOf(ClipView.class))).subscribeOn(Schedulers.boundedElastic()))
                .map(found -> found.stream().map(ClipResponse::of).toList());
    }

    private static Instant required(String name, String value) {
        Instant time = QueryParameters.time(name, value);
        if (time == null) {
            throw new RuleViolation(name + " is required: an ISO-8601 time with an offset, such as "
                    + "2026-12-03T18:00:00Z");
        }
        return time;
    }
}
