package dev.stagehand.gateway.notification;

import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.notification.WatchTarget;
import dev.stagehand.gateway.channel.TwitchChannels;
import dev.stagehand.platform.problem.NotFoundException;
import dev.stagehand.sagas.twitch.TwitchGames;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The streamer or game a webhook subscription names, as Helix knows it. */
@Component
class WatchTargets {

    private final TwitchChannels channels;
    private final TwitchGames games;

    WatchTargets(TwitchChannels channels, TwitchGames games) {
        this.channels = channels;
        this.games = games;
    }

    /**
     * @param streamer a Twitch login or id; or
     * @param game     a game's exact name or id (exactly one of the two)
     */
    Mono<WatchTarget> resolve(String streamer, String game) {
        boolean isStreamer = streamer != null && !streamer.isBlank();
        boolean isGame = game != null && !game.isBlank();
        if (isStreamer == isGame) {
            return Mono.error(new RuleViolation("Name exactly one of streamer (a Twitch login or id) and game"));
        }
        if (isStreamer) {
            return channels.find(streamer)
                    .map(user -> new WatchTarget(WatchTarget.Kind.STREAMER, user.id(), user.displayName()));
        }
        String wanted = game.strip();
        return Mono.fromCallable(() -> games.find(wanted)
                        .map(found -> new WatchTarget(WatchTarget.Kind.GAME, found.id(), found.name())).orElse(null))
                .subscribeOn(Schedulers.boundedElastic())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Twitch has no game '" + wanted + "'.")));
    }
}
