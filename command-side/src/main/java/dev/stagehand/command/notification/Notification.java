package dev.stagehand.command.notification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stagehand.api.common.NotFound;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.notification.DispatchNotification;
import dev.stagehand.api.notification.NotificationAbandoned;
import dev.stagehand.api.notification.NotificationDelivered;
import dev.stagehand.api.notification.NotificationDeliveryFailed;
import dev.stagehand.api.notification.NotificationDispatched;
import dev.stagehand.api.notification.NotificationEnded;
import dev.stagehand.api.notification.NotificationId;
import dev.stagehand.api.notification.NotificationRedriven;
import dev.stagehand.api.notification.NotificationSkipped;
import dev.stagehand.api.notification.RecordNotificationDelivered;
import dev.stagehand.api.notification.RecordNotificationDeliveryFailed;
import dev.stagehand.api.notification.RecordNotificationEnded;
import dev.stagehand.api.notification.RedriveNotification;
import dev.stagehand.api.notification.SkipNotification;
import dev.stagehand.api.notification.WebhookId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One announcement of one stream through one webhook subscription, and the fate of each attempt to deliver it. Its id
 * comes from the stream and the subscription, so a second dispatch of the same stream is a no-op; once delivered or
 * abandoned, late reports of attempts change nothing. A delivered one learns once what became of its message when the
 * stream ended. An abandoned one can be redriven once its owner fixed the webhook.
 */
@Aggregate
class Notification {

    @AggregateIdentifier
    private NotificationId notificationId;
    private WebhookId webhookId;
    private boolean skipped;
    private boolean delivered;
    private boolean abandoned;
    private boolean ended;
    private int attempts;
    private NotificationDispatched dispatched;

    Notification() {
        // for Axon, which rebuilds the notification from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DispatchNotification command) {
        if (notificationId == null) {
            apply(new NotificationDispatched(command.notificationId(), command.webhookId(), command.subscriptionId(),
                    command.broadcasterId(), command.stream(), command.options(), command.reason()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SkipNotification command) {
        if (notificationId == null) {
            apply(new NotificationSkipped(command.notificationId(), command.webhookId(), command.subscriptionId(),
                    command.broadcasterId(), command.stream(), command.reason(), command.why()));
        }
    }

    @CommandHandler
    void handle(RecordNotificationDelivered command) {
        if (!settled()) {
            apply(new NotificationDelivered(notificationId, webhookId, command.attempt(), command.messageId(),
                    command.tookMillis()));
        }
    }

    @CommandHandler
    void handle(RecordNotificationDeliveryFailed command) {
        if (settled()) {
            return;
        }
        apply(new NotificationDeliveryFailed(notificationId, webhookId, command.attempt(), command.status(),
                command.reason(), command.tookMillis(), command.nextAttemptAt()));
        if (command.nextAttemptAt() == null) {
            apply(new NotificationAbandoned(notificationId, webhookId, command.attempt(), command.reason()));
        }
    }

    @CommandHandler
    void handle(RedriveNotification command) {
        if (!command.webhookId().equals(webhookId)) {
            throw new NotFound("This webhook has no notification " + notificationId + ".");
        }
        if (!abandoned) {
            throw new RuleViolation("Only an abandoned notification can be tried again");
        }
        apply(new NotificationRedriven(notificationId, webhookId, dispatched.broadcasterId(), dispatched.stream(),
                dispatched.options(), dispatched.reason(), attempts));
    }

    @CommandHandler
    void handle(RecordNotificationEnded command) {
        if (delivered && !ended) {
            apply(new NotificationEnded(notificationId, webhookId, command.action(), command.status(),
                    command.outcome()));
        }
    }

    /** Skipped, delivered or abandoned: no attempt is due. */
    private boolean settled() {
        return skipped || delivered || abandoned;
    }

    @EventSourcingHandler
    void on(NotificationDispatched event) {
        notificationId = event.notificationId();
        webhookId = event.webhookId();
        dispatched = event;
    }

    @EventSourcingHandler
    void on(NotificationDeliveryFailed event) {
        attempts = event.attempt();
    }

    @EventSourcingHandler
    void on(NotificationRedriven event) {
        abandoned = false;
    }

    @EventSourcingHandler
    void on(NotificationSkipped event) {
        notificationId = event.notificationId();
        webhookId = event.webhookId();
        skipped = true;
    }

    @EventSourcingHandler
    void on(NotificationDelivered event) {
        delivered = true;
    }

    @EventSourcingHandler
    void on(NotificationEnded event) {
        ended = true;
    }

    @EventSourcingHandler
    void on(NotificationAbandoned event) {
        abandoned = true;
    }
}
