package dev.stagehand.sagas.notification;

import dev.stagehand.api.notification.DisableWebhook;
import dev.stagehand.api.notification.NotificationAbandoned;
import dev.stagehand.api.notification.NotificationDelivered;
import dev.stagehand.api.notification.NotificationDispatched;
import dev.stagehand.api.notification.NotificationId;
import dev.stagehand.api.notification.NotificationOptions;
import dev.stagehand.api.notification.NotificationOptions.WhenOffline;
import dev.stagehand.api.notification.NotificationReason;
import dev.stagehand.api.notification.NotificationRedriven;
import dev.stagehand.api.notification.RecordNotificationDelivered;
import dev.stagehand.api.notification.RecordNotificationDeliveryFailed;
import dev.stagehand.api.notification.RecordNotificationEnded;
import dev.stagehand.api.notification.WebhookId;
import dev.stagehand.api.stream.StreamInfo;
import dev.stagehand.api.stream.StreamResumed;
import dev.stagehand.api.stream.StreamWentOffline;
import dev.stagehand.sagas.stream.StreamProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Delivers one notification to Discord. Every attempt runs from a persistent deadline, so one due when the node stops
 * runs after it starts again, once: the dispatch is recorded before any attempt, and each outcome after it. Discord's
 * answers decide what follows: success ends it; a 429 waits exactly the {@code retry_after} Discord gives; a 5xx or
 * no answer waits twice as long each time (with jitter); a 404 means the webhook was deleted in Discord, so it is
 * disabled and its owner sees why; any other 4xx is not sent again (Discord bans clients that repeat invalid
 * requests). After the configured number of attempts the notification is abandoned, for its owner to redrive. Once
 * delivered, the saga waits for the stream to end (for good: past the comeback grace) and then edits the message to
 * say how long the stream lasted, or deletes it, as the subscription chose.
 */
@Saga
public class NotificationDeliverySaga {

    static final String ATTEMPT = "notification-attempt";
    static final String STREAM_ENDED = "notification-stream-ended";
    static final String WEBHOOK_GONE = "Discord says this webhook no longer exists (deleted in Discord)";
    private static final String NOTIFICATION = "notificationId";
    private static final String BROADCASTER = "broadcasterId";

    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient DiscordWebhooks discord;
    @Autowired
    private transient WebhookTargets webhooks;
    @Autowired
    private transient NotificationProperties settings;
    @Autowired
    private transient StreamProperties streams;
    @Autowired
    private transient NotificationMetrics metrics;

    private NotificationId notificationId;
    private WebhookId webhookId;
    private StreamInfo stream;
    private NotificationOptions options;
    private NotificationReason reason;
    private int attempts;
    /** Attempts made before this round (a redrive starts a new round of at most the configured number). */
    private int attemptsBefore;
    private String messageId;
    /** Discord took the message (2xx) but gave no id for it: there is nothing to edit or delete when it ends. */
    private boolean deliveredWithoutId;
    private Instant endedAt;
    private String endDeadline;

    @StartSaga
    @SagaEventHandler(associationProperty = NOTIFICATION)
    void on(NotificationDispatched event) {
        start(event.notificationId(), event.webhookId(), event.broadcasterId(), event.stream(), event.options(),
                event.reason(), 0);
    }

    /** Its owner fixed the webhook: attempts start again, numbered on from the last. */
    @StartSaga
    @SagaEventHandler(associationProperty = NOTIFICATION)
    void on(NotificationRedriven event) {
        start(event.notificationId(), event.webhookId(), event.broadcasterId(), event.stream(), event.options(),
                event.reason(), event.attempts());
    }

    private void start(NotificationId id, WebhookId webhook, String broadcasterId, StreamInfo announced,
                       NotificationOptions chosen, NotificationReason why, int attemptsSoFar) {
        notificationId = id;
        webhookId = webhook;
        stream = announced;
        options = chosen;
        reason = why;
        attempts = attemptsSoFar;
        attemptsBefore = attemptsSoFar;
        SagaLifecycle.associateWith(BROADCASTER, broadcasterId);
        deadlines.schedule(Duration.ZERO, ATTEMPT);
    }

    @DeadlineHandler(deadlineName = ATTEMPT)
    void attempt() {
        attempts++;
        Optional<WebhookTargets.Target> target = webhooks.find(webhookId);
        if (target.isEmpty()) {
            fail(0, "The webhook was deleted", 0, null);
            return;
        }
        if (target.get().disabledReason() != null) {
            fail(0, "The webhook is disabled: " + target.get().disabledReason(), 0, null);
            return;
        }
        DeliveryOutcome outcome = discord.post(target.get().url(), GoLiveMessages.render(stream, options, reason));
        if (outcome.delivered()) {
            metrics.delivered(stream.startedAt(), GenericEventMessage.clock.instant());
            commands.send(new RecordNotificationDelivered(notificationId, attempts, outcome.messageId(),
                    outcome.tookMillis()));
        } else if (outcome.gone()) {
            metrics.failed(false);
            commands.send(new DisableWebhook(webhookId, WEBHOOK_GONE));
            fail(outcome.status(), WEBHOOK_GONE, outcome.tookMillis(), null);
        } else if (attemptsThisRound() >= settings.maxAttempts()
                || !(outcome.rateLimited() || outcome.transientFailure())) {
            metrics.failed(false);
            fail(outcome.status(), outcome.reason(), outcome.tookMillis(), null);
        } else {
            metrics.failed(true);
            Duration wait = outcome.rateLimited() ? outcome.retryAfter() : jittered(settings.backoffAfter(attemptsThisRound()));
            deadlines.schedule(wait, ATTEMPT);
            fail(outcome.status(), outcome.reason(), outcome.tookMillis(), GenericEventMessage.clock.instant().plus(wait));
        }
    }

    private int attemptsThisRound() {
        return attempts - attemptsBefore;
    }

    private void fail(int status, String why, long tookMillis, Instant nextAttemptAt) {
        commands.send(new RecordNotificationDeliveryFailed(notificationId, attempts, status, why, tookMillis,
                nextAttemptAt));
    }

    private static Duration jittered(Duration wait) {
        double factor = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.round(wait.toMillis() * factor));
    }

    /**
     * Delivered: the message waits for the stream to end, unless it is to stay as it is. One Discord took without
     * giving its id waits too, so that the delivery log can say then why it was not changed.
     */
    @SagaEventHandler(associationProperty = NOTIFICATION)
    void on(NotificationDelivered event) {
        messageId = event.messageId();
        deliveredWithoutId = messageId == null;
        if (options.whenOffline() == WhenOffline.KEEP) {
            SagaLifecycle.end();
        } else if (endedAt != null) {
            endDeadline = deadlines.schedule(Duration.ZERO, STREAM_ENDED);
        }
    }

    /** The stream ended, unless it comes back within the comeback grace (Twitch's signals flap). */
    @SagaEventHandler(associationProperty = BROADCASTER)
    void on(StreamWentOffline event) {
        if (!event.info().streamId().equals(stream.streamId())) {
            return;
        }
        endedAt = event.endedAt();
        if (messageId != null || deliveredWithoutId) {
            cancelEnd();
            endDeadline = deadlines.schedule(streams.comebackGrace(), STREAM_ENDED);
        }
    }

    @SagaEventHandler(associationProperty = BROADCASTER)
    void on(StreamResumed event) {
        endedAt = null;
        cancelEnd();
    }

    /** The stream is over for good: its message says so, or goes, as the subscription chose. */
    @DeadlineHandler(deadlineName = STREAM_ENDED)
    void streamEnded() {
        endDeadline = null;
        WhenOffline action = options.whenOffline();
        String done = action == WhenOffline.DELETE ? "deleted" : "edited";
        if (deliveredWithoutId) {
            commands.send(new RecordNotificationEnded(notificationId, action, 0, "The message could not be " + done
                    + ": Discord accepted it without giving its id, so there is no message to change"));
            SagaLifecycle.end();
            return;
        }
        DeliveryOutcome outcome = webhooks.find(webhookId)
                .map(target -> action == WhenOffline.DELETE ? discord.delete(target.url(), messageId)
                        : discord.edit(target.url(), messageId, GoLiveMessages.ended(stream, endedAt)))
                .orElse(new DeliveryOutcome(0, null, null, "The webhook was deleted", 0));
        commands.send(new RecordNotificationEnded(notificationId, action, outcome.status(), outcome.delivered()
                ? "Message " + done + " when the stream ended (it lasted "
                        + GoLiveMessages.lasted(stream.startedAt(), endedAt) + ")"
                : "The message could not be " + done + ": " + outcome.reason()));
        SagaLifecycle.end();
    }

    private void cancelEnd() {
        if (endDeadline != null) {
            deadlines.cancelSchedule(STREAM_ENDED, endDeadline);
            endDeadline = null;
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = NOTIFICATION)
    void on(NotificationAbandoned event) {
        // abandoned: a redrive starts a new delivery
    }
}
