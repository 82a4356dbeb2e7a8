package dev.stagehand.gateway.channel;

import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.channel.ChannelView;
import dev.stagehand.api.channel.FindChannelsOf;
import dev.stagehand.api.channel.SubscribeChannel;
import dev.stagehand.api.channel.UnsubscribeChannel;
import dev.stagehand.api.common.Conflict;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.gateway.axon.ReadModelWait;
import dev.stagehand.platform.problem.NotFoundException;
import dev.stagehand.gateway.security.CurrentAccount;
import dev.stagehand.sagas.emote.EmoteCatalog;
import dev.stagehand.sagas.emote.EmoteSet;
import dev.stagehand.sagas.twitch.TwitchUser;
import dev.stagehand.sagas.twitch.TwitchUsers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The logged-in account's channels: subscribe by login or id (checked with Helix), list, unsubscribe; the emotes and
 * badges Stagehand knows for each, refreshed on request when a streamer has just changed them.
 */
@RestController
@RequestMapping("/api/channels")
class ChannelController {

    private final SubscribedChannels channels;
    private final TwitchUsers twitchUsers;
    private final ReadModelWait wait;
    private final EmoteCatalog emotes;

    ChannelController(SubscribedChannels channels, TwitchUsers twitchUsers, ReadModelWait wait, EmoteCatalog emotes) {
        this.channels = channels;
        this.twitchUsers = twitchUsers;
        this.wait = wait;
        this.emotes = emotes;
    }

    /** @param badges Twitch badge images by {@code set/version}, the channel's own over the global ones */
    record ChannelEmotes(List<EmoteSet> emoteSets, Map<String, String> badges) {
    }

    /** @param channel a Twitch login ({@code pixelpanda}) or a channel id ({@code 100000001}) */
    record SubscribeRequest(@NotNull(message = "channel is required") String channel) {
    }

    @GetMapping
    Flux<ChannelResponse> mine(CurrentAccount me) {
        return channels.all(me).flatMapIterable(channels -> channels).map(ChannelResponse::of);
    }

    @GetMapping("/{channelId}")
    Mono<ChannelResponse> one(CurrentAccount me, @PathVariable String channelId) {
        return channels.one(me, channelId).map(ChannelResponse::of);
    }

    @PostMapping
    Mono<ResponseEntity<ChannelResponse>> subscribe(CurrentAccount me, @Valid @RequestBody SubscribeRequest request) {
        String wanted = request.channel().strip();
        if (!TwitchUsers.plausible(wanted)) {
            throw new RuleViolation("'" + request.channel() + "' is not a Twitch login or channel id");
        }
        return Mono.fromCallable(() -> twitchUsers.find(wanted).orElse(null))
                .subscribeOn(Schedulers.boundedElastic())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Twitch has no channel '" + wanted + "'.")))
                .flatMap(user -> subscribeAndAwait(me, user))
                .map(view -> ResponseEntity.created(URI.create("/api/channels/" + view.channelId().value()))
                        .body(ChannelResponse.of(view)));
    }

    @GetMapping("/{channelId}/emotes")
    Mono<ChannelEmotes> emotes(CurrentAccount me, @PathVariable String channelId) {
        return channels.one(me, channelId).publishOn(Schedulers.boundedElastic()).map(view -> emotesOf(channelId));
    }

    @PostMapping("/{channelId}/emotes/refresh")
    Mono<ChannelEmotes> refreshEmotes(CurrentAccount me, @PathVariable String channelId) {
        return channels.one(me, channelId).publishOn(Schedulers.boundedElastic()).map(view -> {
            if (!emotes.refreshNow(channelId)) {
                throw new Conflict("Stagehand is not in " + view.displayName()
                        + "'s chat yet; its emotes are fetched as soon as it is.");
            }
            return emotesOf(channelId);
        });
    }

    private ChannelEmotes emotesOf(String channelId) {
        return new ChannelEmotes(emotes.channelEmotes(channelId), new TreeMap<>(emotes.badgeImages(channelId)));
    }

    @DeleteMapping("/{channelId}")
    Mono<ResponseEntity<Void>> unsubscribe(CurrentAccount me, @PathVariable String channelId) {
        return channels.one(me, channelId)
                .flatMap(view -> wait.sendAndAwait(new UnsubscribeChannel(view.channelId(), me.id()),
                        new FindChannelsOf(me.id()), ResponseTypes.multipleInstancesOf(ChannelView.class),
                        views -> views.stream().noneMatch(listed -> listed.channelId().equals(view.channelId()))))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private Mono<ChannelView> subscribeAndAwait(CurrentAccount me, TwitchUser user) {
        ChannelId id = new ChannelId(user.id());
        Predicate<ChannelView> subscribed = view -> view.channelId().equals(id);
        return wait.sendAndAwait(new SubscribeChannel(id, user.login(), user.displayName(), me.id()),
                        new FindChannelsOf(me.id()), ResponseTypes.multipleInstancesOf(ChannelView.class),
                        views -> views.stream().anyMatch(subscribed))
                .map(views -> views.stream().filter(subscribed).findFirst().orElseThrow());
    }
}
