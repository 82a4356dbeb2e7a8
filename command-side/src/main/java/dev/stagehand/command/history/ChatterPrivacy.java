package dev.stagehand.command.history;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stagehand.api.history.ChatterKey;
import dev.stagehand.api.history.ChatterOptedIn;
import dev.stagehand.api.history.ChatterOptedOut;
import dev.stagehand.api.history.OptIntoChatHistory;
import dev.stagehand.api.history.OptOutOfChatHistory;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Whether a Twitch chatter lets Stagehand keep their chat. Asking twice for the same thing changes nothing. */
@Aggregate
class ChatterPrivacy {

    @AggregateIdentifier
    private String chatterKey;
    private boolean optedOut;

    ChatterPrivacy() {
        // for Axon, which rebuilds the chatter's choice from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OptOutOfChatHistory command) {
        if (!optedOut) {
            apply(new ChatterOptedOut(command.twitchUserId(), command.login()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OptIntoChatHistory command) {
        if (optedOut) {
            apply(new ChatterOptedIn(command.twitchUserId()));
        }
    }

    @EventSourcingHandler
    void on(ChatterOptedOut event) {
        chatterKey = ChatterKey.of(event.twitchUserId());
        optedOut = true;
    }

    @EventSourcingHandler
    void on(ChatterOptedIn event) {
        chatterKey = ChatterKey.of(event.twitchUserId());
        optedOut = false;
    }
}
