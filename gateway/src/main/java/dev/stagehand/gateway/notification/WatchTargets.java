package dev.stagehand.gateway.notification;

import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.notification.WatchTarget;
import dev.stagehand.platform.problem.NotFoundException;
import dev.stagehand.sagas.twitch.TwitchGames;
import dev.stagehand.sagas.twitch.TwitchUsers;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The streamer or game a webhook subscription names, as Helix knows it. */
@Component
class WatchTargets {

    private final TwitchUsers users;
    private final TwitchGames games;

    WatchTargets(TwitchUsers users, TwitchGames games) {
        this.users = users;
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
        String wanted = (isStreamer ? streamer : game).strip();
        if (isStreamer && !TwitchUsers.plausible(wanted)) {
            return Mono.error(new RuleViolation("'" + wanted + "' is not a Twitch login or channel id"));
        }
        return Mono.fromCallable(() -> isStreamer
                        ? users.find(wanted)
                                .map(user -> new WatchTarget(WatchTarget.Kind.STREAMER, user.id(), user.displayName()))
                                .orElse(null)
                        : games.find(wanted)
                                .map(found -> new WatchTarget(WatchTarget.Kind.GAME, found.id(), found.name()))
                                .orElse(null))
                .subscribeOn(Schedulers.boundedElastic())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Twitch has no "
                        + (isStreamer ? "channel" : "game") + " '" + wanted + "'.")));
    }
}
