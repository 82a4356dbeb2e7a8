package dev.stagehand.gateway.channel;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.channel.ChannelId;
import dev.stagehand.api.channel.SubscribeChannel;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.platform.problem.NotFoundException;
import dev.stagehand.sagas.twitch.TwitchUser;
import dev.stagehand.sagas.twitch.TwitchUsers;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A Twitch channel a request names, by login or id, as Helix knows it. */
@Component
public class TwitchChannels {

    private final TwitchUsers users;

    TwitchChannels(TwitchUsers users) {
        this.users = users;
    }

    /** The command that subscribes the named channel, as Twitch describes it. */
    public Mono<SubscribeChannel> subscription(String named, AccountId subscriber) {
        return find(named).map(user -> new SubscribeChannel(new ChannelId(user.id()), user.login(),
                user.displayName(), subscriber));
    }

    /** A 400 for what cannot be a login or an id, a 404 for a channel Twitch does not have. */
    public Mono<TwitchUser> find(String named) {
        String wanted = named.strip();
        if (!TwitchUsers.plausible(wanted)) {
            return Mono.error(new RuleViolation("'" + named + "' is not a Twitch login or channel id"));
        }
        return Mono.fromCallable(() -> users.find(wanted).orElse(null))
                .subscribeOn(Schedulers.boundedElastic())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Twitch has no channel '" + wanted + "'.")));
    }
}
