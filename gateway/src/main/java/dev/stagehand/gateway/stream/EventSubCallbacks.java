package dev.stagehand.gateway.stream;

import com.github.twitch4j.common.util.TypeConvert;
import com.github.twitch4j.eventsub.EventSubNotification;
import com.github.twitch4j.eventsub.events.StreamOfflineEvent;
import com.github.twitch4j.eventsub.events.StreamOnlineEvent;
import com.github.twitch4j.eventsub.util.EventSubVerifier;
import dev.stagehand.api.stream.StreamSource;
import dev.stagehand.sagas.stream.EventSubSignals;
import dev.stagehand.sagas.stream.EventSubWebhooks;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What Twitch's EventSub webhook messages mean to Stagehand: checked against this deployment's secret and age, a
 * stream going online or offline is signalled (once per message id, as Twitch may send one twice), a revocation
 * makes the subscription keeper replace the subscription.
 */
@Component
class EventSubCallbacks {

    private static final Logger log = LoggerFactory.getLogger(EventSubCallbacks.class);
    private static final int REMEMBERED_IDS = 10_000;

    private final EventSubSignals signals;
    private final EventSubWebhooks webhooks;
    private final Map<String, Boolean> recorded = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    });

    EventSubCallbacks(EventSubSignals signals, EventSubWebhooks webhooks) {
        this.signals = signals;
        this.webhooks = webhooks;
    }

    /** The message, when it carries this deployment's signature and is less than 10 minutes old. */
    Optional<EventSubNotification> verified(String messageId, String timestamp, String signature, byte[] body) {
        if (!EventSubVerifier.verifySignature(webhooks.secret(), messageId, timestamp, body, signature)
                || !EventSubVerifier.verifyTimestamp(timestamp)) {
            return Optional.empty();
        }
        return Optional.of(TypeConvert.jsonToObject(new String(body, StandardCharsets.UTF_8),
                EventSubNotification.class));
    }

    /** Signals a stream going online or offline; completes once recorded, so that a failure lets Twitch retry. */
    Mono<Void> notification(String messageId, EventSubNotification message) {
        if (recorded.containsKey(messageId)) {
            return Mono.empty();
        }
        return Mono.fromRunnable(() -> {
            if (message.getEvent() instanceof StreamOnlineEvent online) {
                signals.online(online.getBroadcasterUserId(), online.getId(), online.getStartedAt(),
                        StreamSource.EVENTSUB_WEBHOOK);
            } else if (message.getEvent() instanceof StreamOfflineEvent offline) {
                signals.offline(offline.getBroadcasterUserId(), StreamSource.EVENTSUB_WEBHOOK);
            }
            recorded.put(messageId, true);
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    void revocation(EventSubNotification message) {
        log.warn("Twitch revoked the EventSub subscription {} ({}); it will be replaced",
                message.getSubscription().getRawType(), message.getSubscription().getStatus());
        webhooks.revoked();
    }
}
