package dev.stagehand.gateway.highlight;

import dev.stagehand.api.account.Provider;
import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.highlight.BacktestSpikes;
import dev.stagehand.api.highlight.ClipView;
import dev.stagehand.api.highlight.ConfigureHighlights;
import dev.stagehand.api.highlight.FindChannelClips;
import dev.stagehand.api.highlight.FindHighlightSettings;
import dev.stagehand.api.highlight.HighlightSettings;
import dev.stagehand.api.highlight.SpikeBacktest;
import dev.stagehand.api.highlight.SpikeRule;
import dev.stagehand.gateway.account.AccountViews;
import dev.stagehand.gateway.axon.ReadModelWait;
import dev.stagehand.gateway.channel.QueryParameters;
import dev.stagehand.gateway.channel.SubscribedChannels;
import dev.stagehand.gateway.security.CurrentAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A subscribed channel's highlights: its settings (auto-clipping and its spike rule, which only its broadcaster may
 * change, logged in with the Twitch account of the channel), backtests of other rules over its stored chat, and the
 * clips its spikes asked for.
 */
@RestController
@RequestMapping("/api/channels/{channelId}")
class HighlightController {

    static final int MAX_CLIPS = 100;
    static final Duration LONGEST_BACKTEST = Duration.ofHours(48);

    private final QueryGateway queries;
    private final SubscribedChannels channels;
    private final AccountViews accounts;
    private final ReadModelWait wait;

    HighlightController(QueryGateway queries, SubscribedChannels channels, AccountViews accounts, ReadModelWait wait) {
        this.queries = queries;
        this.channels = channels;
        this.accounts = accounts;
        this.wait = wait;
    }

    /** @param editable whether the one asking is the channel's broadcaster, who alone may change them */
    record HighlightSettingsResponse(String channelId, boolean autoClip, SpikeRule rule, boolean custom,
                                     boolean editable) {
    }

    /**
     * @param autoClip whether every spike of the channel becomes a Twitch clip (required)
     * @param rule     the channel's own spike rule; absent or null for the deployment's default
     */
    record HighlightSettingsRequest(Boolean autoClip, SpikeRule rule) {
    }

    @GetMapping("/highlights")
    Mono<HighlightSettingsResponse> settings(CurrentAccount me, @PathVariable String channelId) {
        return channels.one(me, channelId)
                .then(Mono.zip(settings(channelId), isBroadcaster(me, channelId)))
                .map(both -> response(both.getT1(), both.getT2()));
    }

    /** Someone else's channel is 404 or 403 before anything in the request is looked at. */
    @PutMapping("/highlights")
    Mono<HighlightSettingsResponse> configure(CurrentAccount me, @PathVariable String channelId,
                                              @RequestBody HighlightSettingsRequest request) {
        return channels.one(me, channelId)
                .then(isBroadcaster(me, channelId))
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the channel's "
                        + "broadcaster, logged in with its Twitch account, may change its highlights.")))
                .then(Mono.fromCallable(() -> configuration(channelId, me, request)))
                .flatMap(command -> wait.sendAndAwait(command, new FindHighlightSettings(channelId),
                        ResponseTypes.instanceOf(HighlightSettings.class),
                        now -> now.autoClip() == command.autoClip() && now.custom() == (command.rule() != null)
                                && (command.rule() == null || now.rule().equals(command.rule()))))
                .map(now -> response(now, true));
    }

    private static ConfigureHighlights configuration(String channelId, CurrentAccount me,
                                                     HighlightSettingsRequest request) {
        if (request.autoClip() == null) {
            throw new RuleViolation("autoClip is required: true or false");
        }
        return new ConfigureHighlights(new ChannelId(channelId), me.id(), request.autoClip(),
                request.rule() == null ? null : request.rule().validated());
    }

    /** The clips the channel's spikes asked for in [from, to) (the last week by default), however they went. */
    @GetMapping("/clips")
    Mono<List<ClipView>> clips(CurrentAccount me, @PathVariable String channelId,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(defaultValue = "50") String limit) {
        Instant end = Objects.requireNonNullElseGet(QueryParameters.time("to", to), Instant::now);
        Instant start = Objects.requireNonNullElse(QueryParameters.time("from", from), end.minus(Duration.ofDays(7)));
        QueryParameters.boundedRange(start, end);
        FindChannelClips query = new FindChannelClips(channelId, start, end, QueryParameters.limit(limit, MAX_CLIPS));
        return channels.one(me, channelId)
                .then(Mono.fromFuture(() -> queries.query(query, ResponseTypes.multipleInstancesOf(ClipView.class)))
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    /**
     * @param from the start of the stretch of stored chat to run the rule over; the last 24 hours by default
     * @param rule the rule to try; absent for the one the channel has now
     */
    record BacktestRequest(String from, String to, SpikeRule rule) {
    }

    /** Runs a spike rule over at most two days of the channel's stored chat: the spikes, and so the clips, it finds. */
    @PostMapping("/highlights/backtest")
    Mono<SpikeBacktest> backtest(CurrentAccount me, @PathVariable String channelId,
                                 @RequestBody BacktestRequest request) {
        Instant end = Objects.requireNonNullElseGet(QueryParameters.time("to", request.to()), Instant::now);
        Instant start = Objects.requireNonNullElse(QueryParameters.time("from", request.from()),
                end.minus(Duration.ofDays(1)));
        QueryParameters.ordered("from", start, "to", end);
        if (Duration.between(start, end).compareTo(LONGEST_BACKTEST) > 0) {
            throw new RuleViolation("a backtest covers at most " + LONGEST_BACKTEST.toHours() + " hours of chat");
        }
        SpikeRule tried = request.rule() == null ? null : request.rule().validated();
        return channels.one(me, channelId)
                .then(tried != null ? Mono.just(tried) : settings(channelId).map(HighlightSettings::rule))
                .flatMap(rule -> Mono.fromFuture(() -> queries.query(new BacktestSpikes(channelId, start, end, rule),
                        SpikeBacktest.class)).subscribeOn(Schedulers.boundedElastic()));
    }

    private Mono<HighlightSettings> settings(String channelId) {
        return Mono.fromFuture(() -> queries.query(new FindHighlightSettings(channelId), HighlightSettings.class))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Boolean> isBroadcaster(CurrentAccount me, String channelId) {
        return accounts.find(me.id())
                .map(account -> account.identity(Provider.TWITCH)
                        .map(twitch -> channelId.equals(twitch.userId())).orElse(false))
                .defaultIfEmpty(false);
    }

    private static HighlightSettingsResponse response(HighlightSettings settings, boolean editable) {
        return new HighlightSettingsResponse(settings.channelId(), settings.autoClip(), settings.rule(),
                settings.custom(), editable);
    }
}
