package dev.stagehand.gateway.highlight;

import dev.stagehand.api.account.IdentityView;
import dev.stagehand.api.account.Provider;
import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.common.Conflict;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.highlight.BacktestSpikes;
import dev.stagehand.api.highlight.ChooseAutoClip;
import dev.stagehand.api.highlight.ClipView;
import dev.stagehand.api.highlight.ConfigureHighlights;
import dev.stagehand.api.highlight.DetectorWarmUp;
import dev.stagehand.api.highlight.FindChannelClips;
import dev.stagehand.api.highlight.FindDetectorWarmUp;
import dev.stagehand.api.highlight.FindHighlightSettings;
import dev.stagehand.api.highlight.HighlightSettings;
import dev.stagehand.api.highlight.ResumeAutoClipping;
import dev.stagehand.api.highlight.SpikeBacktest;
import dev.stagehand.api.highlight.SpikeRule;
import dev.stagehand.gateway.account.AccountViews;
import dev.stagehand.gateway.channel.SubscribedChannels;
import dev.stagehand.gateway.security.CurrentAccount;
import dev.stagehand.platform.axon.Queries;
import dev.stagehand.platform.axon.ReadModelWait;
import dev.stagehand.platform.web.QueryParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
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

/**
 * A subscribed channel's highlights: its settings (its spike rule, whether others may auto-clip it and whether its
 * clips are public, which only its broadcaster may change, logged in with the Twitch account of the channel), each
 * subscriber's own auto-clipping, backtests of other rules over its stored chat, and the clips its spikes asked for.
 */
@RestController
@RequestMapping("/api/channels/{channelId}")
class HighlightController {

    static final int MAX_CLIPS = 100;
    static final Duration LONGEST_BACKTEST = Duration.ofHours(48);

    private final Queries queries;
    private final SubscribedChannels channels;
    private final AccountViews accounts;
    private final ReadModelWait wait;

    HighlightController(Queries queries, SubscribedChannels channels, AccountViews accounts, ReadModelWait wait) {
        this.queries = queries;
        this.channels = channels;
        this.accounts = accounts;
        this.wait = wait;
    }

    /**
     * @param editable      whether the one asking is the channel's broadcaster, who alone may change the rule, the
     *                      others' auto-clipping and the clips' publicity
     * @param autoClip      whether the one asking auto-clips the channel
     * @param canAutoClip   why the one asking cannot auto-clip it; {@code null} when they can
     * @param autoClippers  how many subscribers auto-clip it
     * @param paused        why Twitch refused its clips, while auto-clipping of it is paused
     */
    record HighlightSettingsResponse(String channelId, SpikeRule rule, boolean custom, boolean othersMayClip,
                                     boolean publicClips, boolean publicStats, boolean editable, boolean autoClip,
                                     String cannotAutoClip, int autoClippers, HighlightSettings.Pause paused) {
    }

    /**
     * @param rule          the channel's own spike rule; absent or null for the deployment's default
     * @param othersMayClip whether subscribers other than the broadcaster may auto-clip the channel (required)
     * @param publicClips   whether the channel's clips are in the public highlight feed (required)
     * @param publicStats   whether anyone may read the channel's chat statistics without a login (unchanged when
     *                      absent)
     */
    record HighlightSettingsRequest(SpikeRule rule, Boolean othersMayClip, Boolean publicClips, Boolean publicStats) {
    }

    /** @param on whether the one asking auto-clips the channel (required) */
    record AutoClipRequest(Boolean on) {
    }

    @GetMapping("/highlights")
    Mono<HighlightSettingsResponse> settings(CurrentAccount me, @PathVariable String channelId) {
        return channels.one(me, channelId)
                .then(Mono.zip(settings(channelId), twitchIdentity(me)))
                .map(both -> response(both.getT1(), me, both.getT2()));
    }

    /** Someone else's channel is 404 or 403 before anything in the request is looked at. */
    @PutMapping("/highlights")
    Mono<HighlightSettingsResponse> configure(CurrentAccount me, @PathVariable String channelId,
                                              @RequestBody HighlightSettingsRequest request) {
        return channels.one(me, channelId)
                .then(twitchIdentity(me))
                .filter(twitch -> twitch.map(identity -> channelId.equals(identity.userId())).orElse(false))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the channel's "
                        + "broadcaster, logged in with its Twitch account, may change its highlights.")))
                .flatMap(twitch -> settings(channelId).map(current -> configuration(channelId, me, request, current))
                        .flatMap(command -> wait.sendAndAwait(command, new FindHighlightSettings(channelId),
                                ResponseTypes.instanceOf(HighlightSettings.class),
                                now -> Objects.equals(now.custom() ? now.rule() : null, command.rule())
                                        && now.othersMayClip() == command.othersMayClip()
                                        && now.publicClips() == command.publicClips()
                                        && now.publicStats() == command.publicStats()))
                        .map(now -> response(now, me, twitch)));
    }

    private static ConfigureHighlights configuration(String channelId, CurrentAccount me,
                                                     HighlightSettingsRequest request, HighlightSettings current) {
        if (request.othersMayClip() == null || request.publicClips() == null) {
            throw new RuleViolation("othersMayClip and publicClips are required: true or false");
        }
        return new ConfigureHighlights(new ChannelId(channelId), me.id(),
                request.rule() == null ? null : request.rule().validated(), request.othersMayClip(),
                request.publicClips(), request.publicStats() == null ? current.publicStats() : request.publicStats());
    }

    /** Turns the asker's auto-clipping of the channel on or off: clips made with their own Twitch login. */
    @PutMapping("/highlights/auto-clip")
    Mono<HighlightSettingsResponse> autoClip(CurrentAccount me, @PathVariable String channelId,
                                             @RequestBody AutoClipRequest request) {
        return channels.one(me, channelId)
                .then(twitchIdentity(me))
                .flatMap(twitch -> wait.sendAndAwait(new ChooseAutoClip(new ChannelId(channelId), me.id(),
                                usableTwitchLogin(twitch, request.on()), request.on()),
                        new FindHighlightSettings(channelId), ResponseTypes.instanceOf(HighlightSettings.class),
                        now -> now.autoClips(me.id()) == request.on())
                        .map(now -> response(now, me, twitch)));
    }

    /** Auto-clipping paused by Twitch's refusal starts again, for every auto-clipper of the channel. */
    @PostMapping("/highlights/resume")
    Mono<HighlightSettingsResponse> resume(CurrentAccount me, @PathVariable String channelId) {
        return channels.one(me, channelId)
                .then(wait.sendAndAwait(new ResumeAutoClipping(new ChannelId(channelId), me.id()),
                        new FindHighlightSettings(channelId), ResponseTypes.instanceOf(HighlightSettings.class),
                        now -> now.paused() == null))
                .zipWith(twitchIdentity(me), (now, twitch) -> response(now, me, twitch));
    }

    /** The Twitch user id clips are made with; turning auto-clipping off needs no login. */
    private static String usableTwitchLogin(Optional<IdentityView> twitch, Boolean on) {
        if (on == null) {
            throw new RuleViolation("on is required: true or false");
        }
        String cannot = cannotAutoClip(twitch);
        if (on && cannot != null) {
            throw new Conflict(cannot);
        }
        return twitch.map(IdentityView::userId).orElse("");
    }

    private static String cannotAutoClip(Optional<IdentityView> twitch) {
        if (twitch.isEmpty()) {
            return "Log in with Twitch to auto-clip: clips are made with your own Twitch account";
        }
        if (twitch.get().needsLogin()) {
            return "Stagehand lost your Twitch login: log in with Twitch again to auto-clip";
        }
        return null;
    }

    /**
     * @param since  when the spike detector began its current watch of the channel's chat; null while it heard none
     * @param warmAt when it finds spikes from, as long as the chat goes on; null while it heard none
     * @param warm   whether that time has come
     */
    record WarmUpResponse(String channelId, Instant since, Instant warmAt, boolean warm) {
    }

    /** When the channel's spike detector is warm: a silence longer than its baseline starts the warm-up again. */
    @GetMapping("/highlights/warm-up")
    Mono<WarmUpResponse> warmUp(CurrentAccount me, @PathVariable String channelId) {
        return channels.one(me, channelId)
                .then(queries.optional(new FindDetectorWarmUp(channelId), DetectorWarmUp.class))
                .map(found -> found.map(warmUp -> new WarmUpResponse(channelId, warmUp.since(), warmUp.warmAt(),
                                !Instant.now().isBefore(warmUp.warmAt())))
                        .orElseGet(() -> new WarmUpResponse(channelId, null, null, false)));
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
                .then(queries.list(query, ClipView.class));
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
                .flatMap(rule -> queries.one(new BacktestSpikes(channelId, start, end, rule), SpikeBacktest.class));
    }

    private Mono<HighlightSettings> settings(String channelId) {
        return queries.one(new FindHighlightSettings(channelId), HighlightSettings.class);
    }

    private Mono<Optional<IdentityView>> twitchIdentity(CurrentAccount me) {
        return accounts.find(me.id()).map(account -> account.identity(Provider.TWITCH))
                .defaultIfEmpty(Optional.empty());
    }

    private static HighlightSettingsResponse response(HighlightSettings settings, CurrentAccount me,
                                                      Optional<IdentityView> twitch) {
        boolean broadcaster = twitch.map(identity -> settings.channelId().equals(identity.userId())).orElse(false);
        String cannot = cannotAutoClip(twitch);
        if (cannot == null && !broadcaster && !settings.othersMayClip()) {
            cannot = "The broadcaster does not allow others to auto-clip this channel on this deployment";
        }
        return new HighlightSettingsResponse(settings.channelId(), settings.rule(), settings.custom(),
                settings.othersMayClip(), settings.publicClips(), settings.publicStats(), broadcaster,
                settings.autoClips(me.id()), cannot,
                settings.autoClippers().size(), settings.paused());
    }
}
