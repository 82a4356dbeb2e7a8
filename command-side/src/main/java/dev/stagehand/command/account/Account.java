package dev.stagehand.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.AccountRegistered;
import dev.stagehand.api.account.AccountRenamed;
import dev.stagehand.api.account.DisplayNames;
import dev.stagehand.api.account.GrantOperatorRole;
import dev.stagehand.api.account.OperatorRoleGranted;
import dev.stagehand.api.account.RegisterAccount;
import dev.stagehand.api.account.RenameAccount;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
class Account {

    @AggregateIdentifier
    private AccountId accountId;
    private String displayName;
    private boolean operator;

    Account() {
        // for Axon, which rebuilds the account from its events
    }

    @CommandHandler
    Account(RegisterAccount command) {
        apply(new AccountRegistered(command.accountId(), DisplayNames.validated(command.displayName())));
    }

    @CommandHandler
    void handle(RenameAccount command) {
        String newName = DisplayNames.validated(command.displayName());
        if (!newName.equals(displayName)) {
            apply(new AccountRenamed(accountId, newName));
        }
    }

    @CommandHandler
    void handle(GrantOperatorRole command) {
        if (!operator) {
            apply(new OperatorRoleGranted(accountId));
        }
    }

    @EventSourcingHandler
    void on(AccountRegistered event) {
        accountId = event.accountId();
        displayName = event.displayName();
    }

    @EventSourcingHandler
    void on(AccountRenamed event) {
        displayName = event.displayName();
    }

    @EventSourcingHandler
    void on(OperatorRoleGranted event) {
        operator = true;
    }
}
