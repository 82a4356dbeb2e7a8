package dev.stagehand.gateway.channel;

import dev.stagehand.api.channel.ChannelView;
import dev.stagehand.api.channel.FindChannelsOf;
import dev.stagehand.api.channel.SubscribeChannel;
import dev.stagehand.api.channel.UnsubscribeChannel;
import dev.stagehand.gateway.security.CurrentAccount;
import dev.stagehand.platform.axon.ReadModelWait;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
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

/**
 * The logged-in account's channels: subscribe by login or id ({@link TwitchChannels}), list, unsubscribe; the emotes
 * and badges Stagehand knows for each, refreshed on request ({@link ChannelEmotes}).
 */
@RestController
@RequestMapping("/api/channels")
class ChannelController {

    private final SubscribedChannels channels;
    private final TwitchChannels twitch;
    private final ReadModelWait wait;
    private final ChannelEmotes emotes;

    ChannelController(SubscribedChannels channels, TwitchChannels twitch, ReadModelWait wait, ChannelEmotes emotes) {
        this.channels = channels;
        this.twitch = twitch;
        this.wait = wait;
        this.emotes = emotes;
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
        return twitch.subscription(request.channel(), me.id())
                .flatMap(this::subscribeAndAwait)
                .map(view -> ResponseEntity.created(URI.create("/api/channels/" + view.channelId().value()))
                        .body(ChannelResponse.of(view)));
    }

    @GetMapping("/{channelId}/emotes")
    Mono<ChannelEmotes.Emotes> emotes(CurrentAccount me, @PathVariable String channelId) {
        return channels.one(me, channelId).flatMap(emotes::of);
    }

    @PostMapping("/{channelId}/emotes/refresh")
    Mono<ChannelEmotes.Emotes> refreshEmotes(CurrentAccount me, @PathVariable String channelId) {
        return channels.one(me, channelId).flatMap(emotes::refreshed);
    }

    @DeleteMapping("/{channelId}")
    Mono<ResponseEntity<Void>> unsubscribe(CurrentAccount me, @PathVariable String channelId) {
        return channels.one(me, channelId)
                .flatMap(view -> wait.sendAndAwait(new UnsubscribeChannel(view.channelId(), me.id()),
                        new FindChannelsOf(me.id()), ResponseTypes.multipleInstancesOf(ChannelView.class),
                        views -> views.stream().noneMatch(listed -> listed.channelId().equals(view.channelId()))))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private Mono<ChannelView> subscribeAndAwait(SubscribeChannel subscription) {
        Predicate<ChannelView> subscribed = view -> view.channelId().equals(subscription.channelId());
        return wait.sendAndAwait(subscription, new FindChannelsOf(subscription.subscriber()),
                        ResponseTypes.multipleInstancesOf(ChannelView.class),
                        views -> views.stream().anyMatch(subscribed))
                .map(views -> views.stream().filter(subscribed).findFirst().orElseThrow());
    }
}
