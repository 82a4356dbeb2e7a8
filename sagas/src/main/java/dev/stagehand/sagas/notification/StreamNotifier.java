package dev.stagehand.sagas.notification;

import dev.stagehand.api.notification.DispatchNotification;
import dev.stagehand.api.notification.FindSubscriptionsWatching;
import dev.stagehand.api.notification.NotificationId;
import dev.stagehand.api.notification.NotificationReason;
import dev.stagehand.api.notification.SkipNotification;
import dev.stagehand.api.notification.WatchTarget;
import dev.stagehand.api.notification.WatchingSubscription;
import dev.stagehand.api.stream.StreamInfo;
import dev.stagehand.api.stream.StreamResumed;
import dev.stagehand.api.stream.StreamUpdated;
import dev.stagehand.api.stream.StreamWentLive;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Turns a stream going live (or, for subscriptions that ask, switching game; for game watches, switching into their
 * game) into one notification per subscription that watches it: dispatched, or skipped with the reason why. A webhook
 * announces a stream once, however many of its subscriptions watch it (the streamer and the game they play). A stream
 * that started before the subscription was made is not announced, whether or not Stagehand had seen it before, so
 * subscribing behaves the same for everyone. Never replayed: a replay must not announce old streams.
 */
@Component
@ProcessingGroup("stream-notifier")
@DisallowReplay
class StreamNotifier {

    private final QueryGateway queries;
    private final CommandGateway commands;

    StreamNotifier(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @EventHandler
    void on(StreamWentLive event) {
        notify(event.broadcasterId(), event.info(), NotificationReason.WENT_LIVE, Optional.empty());
    }

    @EventHandler
    void on(StreamResumed event) {
        notify(event.broadcasterId(), event.info(), NotificationReason.WENT_LIVE,
                Optional.of("The stream came back soon after going offline: the same stream, already announced"));
    }

    @EventHandler
    void on(StreamUpdated event) {
        if (event.gameChanged()) {
            notify(event.broadcasterId(), event.info(), NotificationReason.GAME_CHANGED, Optional.empty());
        }
    }

    /** @param skipAll a reason to skip every subscription, or empty to decide for each */
    private void notify(String broadcasterId, StreamInfo stream, NotificationReason reason,
                        Optional<String> skipAll) {
        List<WatchingSubscription> concerned = queries.query(new FindSubscriptionsWatching(broadcasterId,
                        stream.gameId()), ResponseTypes.multipleInstancesOf(WatchingSubscription.class)).join()
                .stream().filter(subscription -> concerned(subscription, reason)).toList();
        for (NotificationFilters.Decision decision : NotificationFilters.decide(concerned, stream, reason, skipAll)) {
            WatchingSubscription subscription = decision.subscription();
            NotificationId id = NotificationId.of(stream.streamId(), subscription.subscriptionId(), reason,
                    stream.gameId());
            commands.sendAndWait(decision.skipReason().isPresent()
                    ? new SkipNotification(id, subscription.webhookId(), subscription.subscriptionId(),
                            broadcasterId, stream, reason, decision.skipReason().get())
                    : new DispatchNotification(id, subscription.webhookId(), subscription.subscriptionId(),
                            broadcasterId, stream, subscription.options(), reason));
        }
    }

    /** A game change concerns a streamer's subscriptions that ask for it, and game watches of the new game. */
    private static boolean concerned(WatchingSubscription subscription, NotificationReason reason) {
        return reason == NotificationReason.WENT_LIVE || subscription.target().kind() == WatchTarget.Kind.GAME
                || subscription.options().announceGameChange();
    }
}
