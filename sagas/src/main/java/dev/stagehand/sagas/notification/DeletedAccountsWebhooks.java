package dev.stagehand.sagas.notification;

import dev.stagehand.api.account.AccountDeleted;
import dev.stagehand.api.notification.DeleteWebhook;
import dev.stagehand.api.notification.FindWebhooksOf;
import dev.stagehand.api.notification.WebhookView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** A deleted account's webhooks go with it: nothing is posted on its behalf any more. */
@Component
@ProcessingGroup("deleted-account-webhooks")
@DisallowReplay
class DeletedAccountsWebhooks {

    private final QueryGateway queries;
    private final CommandGateway commands;

    DeletedAccountsWebhooks(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @EventHandler
    void on(AccountDeleted event) {
        queries.query(new FindWebhooksOf(event.accountId()), ResponseTypes.multipleInstancesOf(WebhookView.class))
               .join()
               .forEach(webhook -> commands.sendAndWait(new DeleteWebhook(webhook.webhookId(), event.accountId())));
    }
}
