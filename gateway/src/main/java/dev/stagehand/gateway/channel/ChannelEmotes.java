package dev.stagehand.gateway.channel;

import dev.stagehand.api.channel.ChannelView;
import dev.stagehand.api.common.Conflict;
import dev.stagehand.sagas.emote.EmoteCatalog;
import dev.stagehand.sagas.emote.EmoteSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The emotes and badges Stagehand knows for a channel, and fetching them again when a streamer has changed them. */
@Component
class ChannelEmotes {

    private final EmoteCatalog catalog;

    ChannelEmotes(EmoteCatalog catalog) {
        this.catalog = catalog;
    }

    /** @param badges Twitch badge images by {@code set/version}, the channel's own over the global ones */
    record Emotes(List<EmoteSet> emoteSets, Map<String, String> badges) {
    }

    Mono<Emotes> of(ChannelView channel) {
        return Mono.fromCallable(() -> read(channel)).subscribeOn(Schedulers.boundedElastic());
    }

    /** A 409 while Stagehand is not in the channel's chat, whose join fetches them anyway. */
    Mono<Emotes> refreshed(ChannelView channel) {
        return Mono.fromCallable(() -> {
            if (!catalog.refreshNow(channel.channelId().value())) {
                throw new Conflict("Stagehand is not in " + channel.displayName()
                        + "'s chat yet; its emotes are fetched as soon as it is.");
            }
            return read(channel);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private Emotes read(ChannelView channel) {
        String id = channel.channelId().value();
        return new Emotes(catalog.channelEmotes(id), new TreeMap<>(catalog.badgeImages(id)));
    }
}
