package dev.stagehand.command.highlight;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.ClipAccepted;
import dev.stagehand.api.highlight.ClipAttemptFailed;
import dev.stagehand.api.highlight.ClipCreated;
import dev.stagehand.api.highlight.ClipCreationFailed;
import dev.stagehand.api.highlight.ClipId;
import dev.stagehand.api.highlight.ClipRequested;
import dev.stagehand.api.highlight.RecordClipAccepted;
import dev.stagehand.api.highlight.RecordClipAttemptFailed;
import dev.stagehand.api.highlight.RecordClipCreated;
import dev.stagehand.api.highlight.RequestClip;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One clip a chat spike asked Twitch for, and how making it went. Its id comes from the spike, so a spike seen twice
 * asks once; once created or failed, late reports change nothing.
 */
@Aggregate
class Clip {

    @AggregateIdentifier
    private ClipId clipId;
    private String channelId;
    private ChatSpike spike;
    private boolean settled;

    Clip() {
        // for Axon, which rebuilds the clip from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestClip command) {
        if (clipId == null) {
            apply(new ClipRequested(command.clipId(), command.spike().channelId(), command.spike(),
                    command.clippers(), command.publicFeed()));
        }
    }

    @CommandHandler
    void handle(RecordClipAccepted command) {
        if (!settled) {
            apply(new ClipAccepted(clipId, channelId, command.attempt(), command.twitchClipId(), command.editUrl()));
        }
    }

    @CommandHandler
    void handle(RecordClipAttemptFailed command) {
        if (settled) {
            return;
        }
        apply(new ClipAttemptFailed(clipId, channelId, command.attempt(), command.status(), command.reason(),
                command.nextAttemptAt()));
        if (command.nextAttemptAt() == null) {
            apply(new ClipCreationFailed(clipId, channelId, command.reason(), spike));
        }
    }

    @CommandHandler
    void handle(RecordClipCreated command) {
        if (!settled) {
            apply(new ClipCreated(clipId, channelId, command.clip(), spike));
        }
    }

    @EventSourcingHandler
    void on(ClipRequested event) {
        clipId = event.clipId();
        channelId = event.channelId();
        spike = event.spike();
    }

    @EventSourcingHandler
    void on(ClipCreated event) {
        settled = true;
    }

    @EventSourcingHandler
    void on(ClipCreationFailed event) {
        settled = true;
    }
}
