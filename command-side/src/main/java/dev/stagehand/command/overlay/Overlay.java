package dev.stagehand.command.overlay;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.NotFound;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.api.overlay.CreateOverlay;
import dev.stagehand.api.overlay.DeleteOverlay;
import dev.stagehand.api.overlay.OverlayCreated;
import dev.stagehand.api.overlay.OverlayDeleted;
import dev.stagehand.api.overlay.OverlayId;
import dev.stagehand.api.overlay.OverlaySettings;
import dev.stagehand.api.overlay.OverlayTokenRotated;
import dev.stagehand.api.overlay.OverlayUpdated;
import dev.stagehand.api.overlay.RotateOverlayToken;
import dev.stagehand.api.overlay.UpdateOverlay;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** One OBS chat overlay of one account: its channel, look and secret URL. Only its owner can change it. */
@Aggregate
class Overlay {

    static final int MAX_NAME = 64;

    @AggregateIdentifier
    private OverlayId overlayId;
    private AccountId owner;
    private String name;
    private OverlaySettings settings;
    private SecretId token;
    private int version;

    Overlay() {
        // for Axon, which rebuilds the overlay from its events
    }

    @CommandHandler
    Overlay(CreateOverlay command) {
        apply(new OverlayCreated(command.overlayId(), command.owner(), command.channelId(), named(command.name()),
                command.settings().validated(), command.token(), command.tokenHash()));
    }

    @CommandHandler
    void handle(UpdateOverlay command) {
        ownedBy(command.owner());
        String newName = named(command.name());
        OverlaySettings newSettings = command.settings().validated();
        if (!newName.equals(name) || !newSettings.equals(settings)) {
            apply(new OverlayUpdated(overlayId, newName, newSettings, version + 1));
        }
    }

    @CommandHandler
    void handle(RotateOverlayToken command) {
        ownedBy(command.owner());
        apply(new OverlayTokenRotated(overlayId, command.token(), command.tokenHash(), token));
    }

    @CommandHandler
    void handle(DeleteOverlay command) {
        ownedBy(command.owner());
        apply(new OverlayDeleted(overlayId, token));
    }

    /** Someone else's overlay answers as a missing one: its existence is not theirs to learn. */
    private void ownedBy(AccountId account) {
        if (!owner.equals(account)) {
            throw new NotFound("No overlay has the id " + overlayId + ".");
        }
    }

    private static String named(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new RuleViolation("An overlay needs a name");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME) {
            throw new RuleViolation("An overlay name can have at most " + MAX_NAME + " characters");
        }
        return trimmed;
    }

    @EventSourcingHandler
    void on(OverlayCreated event) {
        overlayId = event.overlayId();
        owner = event.owner();
        name = event.name();
        settings = event.settings();
        token = event.token();
        version = 1;
    }

    @EventSourcingHandler
    void on(OverlayUpdated event) {
        name = event.name();
        settings = event.settings();
        version = event.version();
    }

    @EventSourcingHandler
    void on(OverlayTokenRotated event) {
        token = event.token();
    }

    @EventSourcingHandler
    void on(OverlayDeleted event) {
        markDeleted();
    }
}
