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

    public Mono<List<ChannelView>> all(CurrentAccount me) {
        return queries.list(new FindChannelsOf(me.id()), ChannelView.class);
    }
}
