package dev.stagehand.gateway.channel;

import dev.stagehand.api.channel.ChannelView;
import dev.stagehand.api.channel.FindChannelsOf;
import dev.stagehand.gateway.security.CurrentAccount;
import dev.stagehand.platform.axon.Queries;
import dev.stagehand.platform.problem.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The channels an account subscribes: what it may see of a channel's chat, stats and settings. */
@Component
public class SubscribedChannels {

    private final Queries queries;

    SubscribedChannels(Queries queries) {
        this.queries = queries;
    }

    /** The channel if this account subscribes it; otherwise 404, whoever else subscribes it. */
    public Mono<ChannelView> one(CurrentAccount me, String channelId) {
        return all(me)
                .flatMapIterable(channels -> channels)
                .filter(view -> view.channelId().value().equals(channelId))
                .next()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("You do not subscribe a channel with the id "
                        + channelId + ".")));
    }

    /** The channel by its Twitch id or its login, if this account subscribes it; otherwise 404. */
    public Mono<ChannelView> byIdOrLogin(CurrentAccount me, String idOrLogin) {
        return all(me)
                .flatMap(channels -> Mono.justOrEmpty(channels.stream()
                        .filter(view -> view.channelId().value().equals(idOrLogin)).findFirst()
                        .or(() -> channels.stream().filter(view -> view.login().equalsIgnoreCase(idOrLogin))
                                .findFirst())))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("You do not subscribe a channel with the id or "
                        + "login " + idOrLogin + ".")));
    }

    public Mono<List<ChannelView>> all(CurrentAccount me) {
        return queries.list(new FindChannelsOf(me.id()), ChannelView.class);
    }
}
