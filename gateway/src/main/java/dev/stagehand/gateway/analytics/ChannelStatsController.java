package dev.stagehand.gateway.analytics;

import dev.stagehand.api.analytics.ChatStats;
import dev.stagehand.api.analytics.FindChannelStats;
import dev.stagehand.api.analytics.FindChatStatsSeries;
import dev.stagehand.api.analytics.FindStreamChatStats;
import dev.stagehand.api.analytics.StreamChatStats;
import dev.stagehand.api.channel.ChannelView;
import dev.stagehand.api.channel.FindChannel;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.highlight.FindHighlightSettings;
import dev.stagehand.api.highlight.HighlightSettings;
import dev.stagehand.api.stream.FindLiveStreams;
import dev.stagehand.api.stream.StreamView;
import dev.stagehand.gateway.channel.SubscribedChannels;
import dev.stagehand.gateway.security.CurrentAccount;
import dev.stagehand.platform.axon.Queries;
import dev.stagehand.platform.problem.NotFoundException;
import dev.stagehand.platform.web.QueryParameters;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * A channel's chat statistics, for its subscribers, and for anyone when its broadcaster made them public: the
 * ten-minute window now running (in the original stats API's contract, with the running minute and its live stream's
 * figures beside it), and the series of past windows.
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

    /** By the channel's Twitch id or its login; 404 for a channel no statistics were made of yet. */
    @GetMapping
    Mono<ChannelStatsResponse> current(@Parameter(hidden = true) Optional<CurrentAccount> me, @PathVariable("channelId") String idOrLogin) {
        return readable(me, idOrLogin).flatMap(channel -> {
            String channelId = channel.channelId().value();
            return Mono.zip(queries.list(new FindChannelStats(channelId), ChatStats.class), stream(channelId))
                    .filter(both -> !both.getT1().isEmpty())
                    .switchIfEmpty(Mono.error(() -> new NotFoundException("There are no chat statistics of "
                            + channel.login() + " yet: they start with its first chat message Stagehand reads.")))
                    .map(both -> ChannelStatsResponse.of(channelId, channel.login(), both.getT1(), both.getT2(),
                            Instant.now()));
        });
    }

    /** The channel's chat over its live stream, if it is live. */
    private Mono<Optional<StreamChatStats>> stream(String channelId) {
        return queries.list(new FindLiveStreams(), StreamView.class)
                .flatMap(live -> live.stream().filter(stream -> stream.broadcasterId().equals(channelId)).findFirst()
                        .map(stream -> queries.one(new FindStreamChatStats(channelId, stream.info().startedAt()), StreamChatStats.class).map(Optional::of))
                        .orElse(Mono.just(Optional.empty())));
    }

    @GetMapping("/series")
    Mono<List<ChatStats>> series(@Parameter(hidden = true) Optional<CurrentAccount> me, @PathVariable String channelId,
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
        return readable(me, channelId).flatMap(channel -> queries.list(new FindChatStatsSeries(
                channel.channelId().value(), seconds, start, end), ChatStats.class));
    }

    /**
     * The channel by its id or login, if the asker subscribes it, or else if its broadcaster made its statistics
     * public; otherwise 404 for an account and 401 for someone not logged in (who learns nothing about the channel).
     */
    private Mono<ChannelView> readable(Optional<CurrentAccount> me, String idOrLogin) {
        Mono<ChannelView> subscribed = me.map(account -> channels.byIdOrLogin(account, idOrLogin)
                .onErrorResume(NotFoundException.class, notSubscribed -> Mono.empty())).orElse(Mono.empty());
        return subscribed
                .switchIfEmpty(Mono.defer(() -> queries.optional(new FindChannel(idOrLogin), ChannelView.class)
                        .flatMap(Mono::justOrEmpty)
                        .filterWhen(channel -> queries.one(new FindHighlightSettings(channel.channelId().value()),
                                HighlightSettings.class).map(HighlightSettings::publicStats))))
                .switchIfEmpty(Mono.error(() -> me.isPresent()
                        ? new NotFoundException("You do not subscribe a channel with the id or login " + idOrLogin
                                + ", and its statistics are not public.")
                        : new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in (or send an API token) to read "
                                + "this channel's statistics: its broadcaster has not made them public.")));
    }
}
