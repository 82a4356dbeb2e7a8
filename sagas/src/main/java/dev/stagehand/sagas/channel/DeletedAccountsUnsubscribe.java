package dev.stagehand.sagas.channel;

import dev.stagehand.api.account.AccountDeleted;
import dev.stagehand.api.channel.ChannelView;
import dev.stagehand.api.channel.FindChannelsOf;
import dev.stagehand.api.channel.UnsubscribeChannel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** A deleted account's channel subscriptions end with it, so Stagehand leaves chats nobody else follows. */
@Component
@ProcessingGroup("deleted-account-channels")
@DisallowReplay
class DeletedAccountsUnsubscribe {

    private final QueryGateway queries;
    private final CommandGateway commands;

    DeletedAccountsUnsubscribe(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @EventHandler
    void on(AccountDeleted event) {
        queries.query(new FindChannelsOf(event.accountId()), ResponseTypes.multipleInstancesOf(ChannelView.class))
               .join()
               .forEach(channel -> commands.sendAndWait(new UnsubscribeChannel(channel.channelId(),
                       event.accountId())));
    }
}
