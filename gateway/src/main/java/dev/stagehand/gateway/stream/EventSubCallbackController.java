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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Twitch's EventSub webhook callback. Every message must carry a signature made with this deployment's secret and be
 * less than 10 minutes old (else 403). A new subscription's challenge is answered; {@code stream.online} and {@code
 * stream.offline} are recorded before the answer, so that a failure (503) makes Twitch send them again; a message id
 * already recorded is acknowledged and dropped, as Twitch may send one twice; a revocation is logged and tells the
 * subscription keeper to replace it (on the watching node at once, on the others at its next full listing).
 */
@RestController
class EventSubCallbackController {

    static final String PATH = "/eventsub/callback";
    private static final Logger log = LoggerFactory.getLogger(EventSubCallbackController.class);
    private static final int REMEMBERED_IDS = 10_000;

    private final EventSubSignals signals;
    private final EventSubWebhooks webhooks;
    private final Map<String, Boolean> recorded = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    });

    EventSubCallbackController(EventSubSignals signals, EventSubWebhooks webhooks) {
        this.signals = signals;
        this.webhooks = webhooks;
    }

    @PostMapping(PATH)
    Mono<ResponseEntity<String>> receive(@RequestHeader("Twitch-Eventsub-Message-Id") String messageId,
                                         @RequestHeader("Twitch-Eventsub-Message-Timestamp") String timestamp,
                                         @RequestHeader("Twitch-Eventsub-Message-Signature") String signature,
                                         @RequestHeader("Twitch-Eventsub-Message-Type") String type,
                                         @RequestBody byte[] body) {
        if (!EventSubVerifier.verifySignature(webhooks.secret(), messageId, timestamp, body, signature)
                || !EventSubVerifier.verifyTimestamp(timestamp)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "The message is not signed with this deployment's EventSub secret, or is too old.");
        }
        EventSubNotification message = TypeConvert.jsonToObject(new String(body, StandardCharsets.UTF_8),
                EventSubNotification.class);
        return switch (type) {
            case "webhook_callback_verification" -> Mono.just(ResponseEntity.ok()
                    .contentType(MediaType.TEXT_PLAIN).body(message.getChallenge()));
            case "notification" -> record(messageId, message);
            case "revocation" -> {
                log.warn("Twitch revoked the EventSub subscription {} ({}); it will be replaced",
                        message.getSubscription().getRawType(), message.getSubscription().getStatus());
                webhooks.revoked();
                yield Mono.just(ResponseEntity.noContent().build());
            }
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown message type " + type);
        };
    }

    private Mono<ResponseEntity<String>> record(String messageId, EventSubNotification message) {
        if (recorded.containsKey(messageId)) {
            return Mono.just(ResponseEntity.noContent().build());
        }
        return Mono.fromRunnable(() -> {
                    if (message.getEvent() instanceof StreamOnlineEvent online) {
                        signals.online(online.getBroadcasterUserId(), online.getId(), online.getStartedAt(),
                                StreamSource.EVENTSUB_WEBHOOK);
                    } else if (message.getEvent() instanceof StreamOfflineEvent offline) {
                        signals.offline(offline.getBroadcasterUserId(), StreamSource.EVENTSUB_WEBHOOK);
                    }
                    recorded.put(messageId, true);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(ResponseEntity.noContent().build());
    }
}
