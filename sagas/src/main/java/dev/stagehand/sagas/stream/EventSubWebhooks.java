package dev.stagehand.sagas.stream;

import com.github.twitch4j.eventsub.EventSubSubscription;
import com.github.twitch4j.eventsub.EventSubSubscriptionStatus;
import com.github.twitch4j.eventsub.EventSubTransport;
import com.github.twitch4j.eventsub.EventSubTransportMethod;
import com.github.twitch4j.eventsub.condition.ChannelEventSubCondition;
import com.github.twitch4j.eventsub.subscriptions.SubscriptionTypes;
import com.github.twitch4j.helix.domain.EventSubSubscriptionList;
import dev.stagehand.api.notification.FindWatchTargets;
import dev.stagehand.api.notification.WatchTarget;
import dev.stagehand.platform.DaemonThreads;
import dev.stagehand.sagas.twitch.AppHelix;
import dev.stagehand.sagas.twitch.TwitchUnavailableException;
import dev.stagehand.secrets.MasterKey;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * EventSub webhooks for every watched streamer, once Twitch can reach this deployment: every poll interval, keeps an
 * enabled {@code stream.online} and {@code stream.offline} subscription per watched streamer at the callback and
 * removes those of streamers no longer watched. Twitch limits an app's webhook subscriptions to a total cost of
 * 10,000; a streamer who authorized Stagehand costs nothing, anyone else 1. Listing them all takes a Helix call per
 * 100, so the list is read again only every {@value #RELIST_EVERY} rounds, after a revocation, or when this node
 * starts watching; in between it works from what it created and removed itself. Twitch signs every message with a
 * secret derived from the master key, so whichever node it reaches can check it. The subscriptions kept and their
 * cost against the limit are metrics ({@code stagehand.twitch.eventsub.*}).
 */
@Component
public class EventSubWebhooks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventSubWebhooks.class);
    private static final List<String> TYPES = List.of(SubscriptionTypes.STREAM_ONLINE.getName(),
            SubscriptionTypes.STREAM_OFFLINE.getName());
    private static final Set<EventSubSubscriptionStatus> HEALTHY = Set.of(EventSubSubscriptionStatus.ENABLED,
            EventSubSubscriptionStatus.WEBHOOK_CALLBACK_VERIFICATION_PENDING);
    private static final int PAGE = 100;
    static final int RELIST_EVERY = 10;

    private final QueryGateway queries;
    private final AppHelix helix;
    private final StreamProperties settings;
    private final StreamWatchingNode node;
    private final String secret;
    private volatile URI callback;
    private volatile ScheduledExecutorService keeper;
    private boolean atCostLimit;
    /** Subscription ids by {@code type/broadcasterId}, as this node last knew them. */
    private final Map<String, String> known = new ConcurrentHashMap<>();
    private volatile boolean relist = true;
    private int rounds;
    private final AtomicInteger cost = new AtomicInteger();
    private final AtomicInteger maxCost = new AtomicInteger();

    EventSubWebhooks(QueryGateway queries, AppHelix helix, StreamProperties settings, MasterKey masterKey,
                     StreamWatchingNode node, MeterRegistry registry) {
        this.queries = queries;
        this.helix = helix;
        this.settings = settings;
        this.node = node;
        this.secret = masterKey.sharedSecret("twitch-eventsub-webhook");
        Gauge.builder("stagehand.twitch.eventsub.subscriptions", known, Map::size).tag("transport", "webhook")
                .description("EventSub subscriptions this node keeps").register(registry);
        Gauge.builder("stagehand.twitch.eventsub.cost", cost, AtomicInteger::get)
                .description("The total cost of the app's EventSub subscriptions, as Twitch last told it")
                .register(registry);
        Gauge.builder("stagehand.twitch.eventsub.cost.max", maxCost, AtomicInteger::get)
                .description("The most the app's EventSub subscriptions may cost, as Twitch last told it")
                .register(registry);
    }

    /** The secret Twitch signs this deployment's EventSub messages with. */
    public String secret() {
        return secret;
    }

    /** Starts keeping the watched streamers' subscriptions at {@code callbackUrl}. */
    public synchronized void deliverTo(URI callbackUrl) {
        if (keeper != null) {
            return;
        }
        callback = callbackUrl;
        keeper = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("eventsub-webhooks"));
        keeper.scheduleWithFixedDelay(this::keepSubscriptions, 0, settings.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("Watched streamers are followed by EventSub webhooks at {}", callbackUrl);
    }

    /** Twitch revoked a subscription: the next round reads the list again and replaces it. */
    public void revoked() {
        relist = true;
    }

    void keepSubscriptions() {
        if (!node.watches()) {
            relist = true;
            return;
        }
        try {
            Set<String> watched = new HashSet<>();
            queries.query(new FindWatchTargets(), ResponseTypes.multipleInstancesOf(WatchTarget.class)).join()
                   .stream().filter(target -> target.kind() == WatchTarget.Kind.STREAMER)
                   .forEach(streamer -> watched.add(streamer.id()));
            if (relist || ++rounds >= RELIST_EVERY) {
                relist = false;
                rounds = 0;
                readList();
            }
            known.entrySet().removeIf(subscription -> {
                if (watched.contains(broadcasterOf(subscription.getKey()))) {
                    return false;
                }
                helix.call("DELETE /eventsub/subscriptions", (twitch, token) ->
                        twitch.deleteEventSubSubscription(token, subscription.getValue()));
                return true;
            });
            // Every stream.online first: when the cost limit cuts in, going live matters more than going offline.
            for (String type : TYPES) {
                for (String broadcasterId : watched) {
                    if (!known.containsKey(key(type, broadcasterId)) && !subscribe(type, broadcasterId)) {
                        return;
                    }
                }
            }
        } catch (RuntimeException failed) {
            relist = true;
            log.warn("Could not bring the EventSub webhook subscriptions up to date; trying again at the next poll: {}",
                    failed.toString());
        }
    }

    /** Reads every page of this deployment's subscriptions; those Twitch revoked or could not verify are removed. */
    private void readList() {
        known.clear();
        String cursor = null;
        do {
            String after = cursor;
            EventSubSubscriptionList page = helix.call("GET /eventsub/subscriptions", (twitch, token) ->
                    twitch.getEventSubSubscriptions(token, null, null, null, after, PAGE));
            costs(page);
            for (EventSubSubscription subscription : page.getSubscriptions()) {
                if (!ours(subscription)) {
                    continue;
                }
                if (HEALTHY.contains(subscription.getStatus())) {
                    String broadcasterId = ((ChannelEventSubCondition) subscription.getCondition())
                            .getBroadcasterUserId();
                    known.put(key(subscription.getRawType(), broadcasterId), subscription.getId());
                } else {
                    helix.call("DELETE /eventsub/subscriptions", (twitch, token) ->
                            twitch.deleteEventSubSubscription(token, subscription.getId()));
                }
            }
            cursor = page.getPagination() == null ? null : page.getPagination().getCursor();
        } while (cursor != null && !cursor.isEmpty());
    }

    /** Twitch tells the app's total cost and its limit with every list of subscriptions. */
    private void costs(EventSubSubscriptionList answer) {
        if (answer.getTotalCost() != null && answer.getMaxTotalCost() != null) {
            cost.set(answer.getTotalCost());
            maxCost.set(answer.getMaxTotalCost());
        }
    }

    private boolean ours(EventSubSubscription subscription) {
        return subscription.getTransport() != null
                && subscription.getTransport().getMethod() == EventSubTransportMethod.WEBHOOK
                && callback.toString().equals(subscription.getTransport().getCallback());
    }

    private static String key(String type, String broadcasterId) {
        return type + "/" + broadcasterId;
    }

    private static String broadcasterOf(String key) {
        return key.substring(key.indexOf('/') + 1);
    }

    /** Subscribes; false when Twitch's cost limit is reached, so that no more are tried this round. */
    private boolean subscribe(String type, String broadcasterId) {
        EventSubTransport transport = EventSubTransport.builder().method(EventSubTransportMethod.WEBHOOK)
                .callback(callback.toString()).secret(secret).build();
        EventSubSubscription subscription = type.equals(SubscriptionTypes.STREAM_ONLINE.getName())
                ? SubscriptionTypes.STREAM_ONLINE.prepareSubscription(
                        condition -> condition.broadcasterUserId(broadcasterId).build(), transport)
                : SubscriptionTypes.STREAM_OFFLINE.prepareSubscription(
                        condition -> condition.broadcasterUserId(broadcasterId).build(), transport);
        try {
            EventSubSubscriptionList created = helix.call("POST /eventsub/subscriptions", (twitch, token) ->
                    twitch.createEventSubSubscription(token, subscription));
            known.put(key(type, broadcasterId), created.getSubscriptions().get(0).getId());
            costs(created);
            atCostLimit = false;
            return true;
        } catch (TwitchUnavailableException refused) {
            int status = refused.status();
            if (status == 409) {
                relist = true;
                return true;
            }
            if (status == 429) {
                if (!atCostLimit) {
                    log.warn("Twitch's limit on EventSub webhook subscriptions is reached; streamers beyond it are "
                            + "watched by polling only");
                }
                atCostLimit = true;
                return false;
            }
            throw refused;
        }
    }

    @Override
    public void destroy() {
        ScheduledExecutorService current = keeper;
        if (current != null) {
            current.shutdownNow();
        }
    }
}
