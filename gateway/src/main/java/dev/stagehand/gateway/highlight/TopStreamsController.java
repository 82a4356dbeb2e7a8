package dev.stagehand.gateway.highlight;

import dev.stagehand.api.account.FindTwitchAuthorizationByLogin;
import dev.stagehand.api.account.TwitchAuthorization;
import dev.stagehand.api.channel.ChannelView;
import dev.stagehand.api.channel.FindChannelsOf;
import dev.stagehand.api.common.Conflict;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.highlight.ConfigureTopStreamsWatch;
import dev.stagehand.api.highlight.FindTopStreamsWatch;
import dev.stagehand.api.highlight.StopTopStreamsWatch;
import dev.stagehand.api.highlight.TopStreams;
import dev.stagehand.api.highlight.TopStreamsWatchView;
import dev.stagehand.gateway.security.CurrentAccount;
import dev.stagehand.platform.axon.Queries;
import dev.stagehand.platform.axon.ReadModelWait;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The top streams watch, for operators (the path is theirs): its settings, the streams it follows, starting or
 * changing it with a clipping account (a Twitch login that has logged in to Stagehand), and stopping it.
 */
@RestController
@RequestMapping("/api/admin/top-streams")
class TopStreamsController {

    private final Queries queries;
    private final ReadModelWait wait;

    TopStreamsController(Queries queries, ReadModelWait wait) {
        this.queries = queries;
        this.wait = wait;
    }

    /**
     * @param streams   how many of the top live streams to follow (required, 1–100)
     * @param gameIds   Twitch category ids to take them from; absent or empty for all
     * @param languages their languages; absent or empty for any
     * @param clipper   the Twitch login whose token clips their spikes (required)
     */
    record TopStreamsRequest(Integer streams, List<String> gameIds, List<String> languages, String clipper) {
    }

    /** @param watch the watch's settings; {@code null} while it is stopped */
    record TopStreamsResponse(TopStreamsWatchView watch, List<ChannelView> following) {
    }

    @GetMapping
    Mono<TopStreamsResponse> watch() {
        return Mono.zip(running(), following(), (watch, following) -> new TopStreamsResponse(watch.orElse(null),
                following));
    }

    @PutMapping
    Mono<TopStreamsResponse> configure(CurrentAccount me, @RequestBody TopStreamsRequest request) {
        if (request.streams() == null || request.clipper() == null || request.clipper().isBlank()) {
            throw new RuleViolation("streams and clipper are required");
        }
        return queries.optional(new FindTwitchAuthorizationByLogin(request.clipper().strip()), TwitchAuthorization.class)
                .map(clipper -> clipper.orElseThrow(() -> new Conflict(request.clipper() + " cannot clip: the "
                        + "clipping account must have logged in to Stagehand with Twitch, and not have to log in "
                        + "again")))
                .map(clipper -> new ConfigureTopStreamsWatch(TopStreams.WATCH_ID, me.id(), request.streams(),
                        Objects.requireNonNullElse(request.gameIds(), List.of()),
                        Objects.requireNonNullElse(request.languages(), List.of()), clipper.twitchUserId(),
                        request.clipper().strip().toLowerCase()))
                .flatMap(command -> wait.sendAndAwaitView(command, new FindTopStreamsWatch(),
                        TopStreamsWatchView.class, now -> now.streams() == command.streams()
                                && now.gameIds().equals(command.gameIds())
                                && now.languages().equals(command.languages())
                                && now.clipperTwitchId().equals(command.clipperTwitchId())))
                .then(watch());
    }

    /** Stopping a stopped watch changes nothing; the streams it followed are left at its next reading. */
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> stop(CurrentAccount me) {
        return running().flatMap(watch -> watch.isEmpty() ? Mono.empty()
                : wait.sendAndAwaitGone(new StopTopStreamsWatch(TopStreams.WATCH_ID, me.id()),
                        new FindTopStreamsWatch(), TopStreamsWatchView.class));
    }

    private Mono<Optional<TopStreamsWatchView>> running() {
        return queries.optional(new FindTopStreamsWatch(), TopStreamsWatchView.class);
    }

    private Mono<List<ChannelView>> following() {
        return queries.list(new FindChannelsOf(TopStreams.SUBSCRIBER), ChannelView.class);
    }
}
