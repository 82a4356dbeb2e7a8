package dev.stagehand.gateway.overlay;

import dev.stagehand.api.channel.ChannelView;
import dev.stagehand.api.channel.FindChannelsOf;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.overlay.CreateOverlay;
import dev.stagehand.api.overlay.DeleteOverlay;
import dev.stagehand.api.overlay.FindOverlay;
import dev.stagehand.api.overlay.FindOverlayVersions;
import dev.stagehand.api.overlay.FindOverlaysOf;
import dev.stagehand.api.overlay.OverlayId;
import dev.stagehand.api.overlay.OverlaySettings;
import dev.stagehand.api.overlay.OverlayVersion;
import dev.stagehand.api.overlay.OverlayView;
import dev.stagehand.api.overlay.RotateOverlayToken;
import dev.stagehand.api.overlay.UpdateOverlay;
import dev.stagehand.gateway.security.CurrentAccount;
import dev.stagehand.platform.axon.Queries;
import dev.stagehand.platform.axon.ReadModelWait;
import dev.stagehand.platform.problem.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The logged-in account's overlays: create one for a subscribed channel, change its look, rotate its URL, delete. */
@RestController
@RequestMapping("/api/overlays")
class OverlayController {

    private final Queries queries;
    private final OverlayTokens tokens;
    private final ReadModelWait wait;

    OverlayController(Queries queries, OverlayTokens tokens, ReadModelWait wait) {
        this.queries = queries;
        this.tokens = tokens;
        this.wait = wait;
    }

    /** @param settings optional: the defaults (classic theme) when left out */
    record CreateRequest(@NotNull(message = "name is required") String name,
                         @NotNull(message = "channelId is required") String channelId, OverlaySettings settings) {
    }

    record UpdateRequest(@NotNull(message = "name is required") String name,
                         @NotNull(message = "settings are required") OverlaySettings settings) {
    }

    @GetMapping
    Flux<OverlayResponse> mine(CurrentAccount me, ServerHttpRequest request) {
        return queries.list(new FindOverlaysOf(me.id()), OverlayView.class)
                .flatMapIterable(list -> list)
                .map(view -> response(view, request));
    }

    @GetMapping("/{overlayId}")
    Mono<OverlayResponse> one(CurrentAccount me, @PathVariable String overlayId, ServerHttpRequest request) {
        return owned(me, overlayId).map(view -> response(view, request));
    }

    @PostMapping
    Mono<ResponseEntity<OverlayResponse>> create(CurrentAccount me, @Valid @RequestBody CreateRequest body,
                                                 ServerHttpRequest request) {
        OverlaySettings settings = Optional.ofNullable(body.settings()).orElse(OverlaySettings.defaults()).validated();
        OverlayId id = OverlayId.random();
        return queries.list(new FindChannelsOf(me.id()), ChannelView.class)
                .flatMapIterable(list -> list)
                .filter(channel -> channel.channelId().value().equals(body.channelId()))
                .next()
                .switchIfEmpty(Mono.error(() -> new RuleViolation(
                        "Subscribe the channel first: an overlay shows a channel you subscribe")))
                .flatMap(channel -> {
                    OverlayTokens.Issued token = tokens.issue(me.id());
                    return changeAndAwait(id, new CreateOverlay(id, me.id(), channel.channelId(), body.name(),
                            settings, token.secret(), token.hash()), view -> true)
                            .doOnError(failure -> tokens.forget(token.secret()));
                })
                .map(view -> ResponseEntity.created(URI.create("/api/overlays/" + id)).body(response(view, request)));
    }

    @PutMapping("/{overlayId}")
    Mono<OverlayResponse> update(CurrentAccount me, @PathVariable String overlayId,
                                 @Valid @RequestBody UpdateRequest body, ServerHttpRequest request) {
        return owned(me, overlayId)
                .flatMap(current -> {
                    OverlaySettings settings = body.settings().validated();
                    return current.settings().equals(settings) && current.name().equals(body.name().strip())
                            ? Mono.just(current)
                            : changeAndAwait(current.overlayId(),
                                    new UpdateOverlay(current.overlayId(), me.id(), body.name(), settings),
                                    view -> view.version() > current.version());
                })
                .map(view -> response(view, request));
    }

    /** Every saved look, newest first. */
    @GetMapping("/{overlayId}/versions")
    Flux<OverlayVersion> versions(CurrentAccount me, @PathVariable String overlayId) {
        return owned(me, overlayId)
                .flatMap(view -> queries.list(new FindOverlayVersions(view.overlayId()), OverlayVersion.class))
                .flatMapIterable(list -> list);
    }

    /** Rolls back to an earlier look; that is saved as a new version, so nothing is lost. */
    @PostMapping("/{overlayId}/versions/{version}/restore")
    Mono<OverlayResponse> restore(CurrentAccount me, @PathVariable String overlayId, @PathVariable int version,
                                  ServerHttpRequest request) {
        return versions(me, overlayId)
                .filter(saved -> saved.version() == version)
                .next()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Overlay " + overlayId + " has no version "
                        + version + ".")))
                .flatMap(saved -> update(me, overlayId, new UpdateRequest(saved.name(), saved.settings()), request));
    }

    /** A new URL; the old one stops working at once, and open browser sources on it are closed. */
    @PostMapping("/{overlayId}/token")
    Mono<OverlayResponse> rotate(CurrentAccount me, @PathVariable String overlayId, ServerHttpRequest request) {
        return owned(me, overlayId).flatMap(current -> {
            OverlayTokens.Issued token = tokens.issue(me.id());
            return changeAndAwait(current.overlayId(),
                    new RotateOverlayToken(current.overlayId(), me.id(), token.secret(), token.hash()),
                    view -> token.hash().equals(view.tokenHash()))
                    .doOnNext(view -> tokens.forget(current.token()))
                    .doOnError(failure -> tokens.forget(token.secret()));
        }).map(view -> response(view, request));
    }

    @DeleteMapping("/{overlayId}")
    Mono<ResponseEntity<Void>> delete(CurrentAccount me, @PathVariable String overlayId) {
        return owned(me, overlayId)
                .flatMap(current -> wait.sendAndAwaitGone(new DeleteOverlay(current.overlayId(), me.id()),
                        new FindOverlay(current.overlayId()), OverlayView.class)
                        .then(Mono.fromRunnable(() -> tokens.forget(current.token()))))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private Mono<OverlayView> changeAndAwait(OverlayId id, Object command, Predicate<OverlayView> changed) {
        return wait.sendAndAwaitView(command, new FindOverlay(id), OverlayView.class, changed);
    }

    /** The overlay if it is this account's; anyone else's, like a missing one, is 404. */
    private Mono<OverlayView> owned(CurrentAccount me, String overlayId) {
        NotFoundException missing = new NotFoundException("No overlay has the id " + overlayId + ".");
        OverlayId id;
        try {
            id = new OverlayId(overlayId);
        } catch (IllegalArgumentException notAnId) {
            return Mono.error(missing);
        }
        return queries.optional(new FindOverlay(id), OverlayView.class)
                .flatMap(Mono::justOrEmpty)
                .filter(view -> view.owner().equals(me.id()))
                .switchIfEmpty(Mono.error(missing));
    }

    private OverlayResponse response(OverlayView view, ServerHttpRequest request) {
        String token = tokens.read(view.token());
        String base = request.getURI().resolve("/").toString();
        return OverlayResponse.of(view, base + "overlay/" + token);
    }
}
