package dev.stagehand.gateway.stream;

import com.github.twitch4j.eventsub.EventSubNotification;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Twitch's EventSub webhook callback. A message without this deployment's signature, or 10 minutes old, is a 403. A
 * new subscription's challenge is answered; {@code stream.online} and {@code stream.offline} are recorded before the
 * answer, so that a failure (503) makes Twitch send them again; a revocation is acknowledged (see
 * {@link EventSubCallbacks}).
 */
@RestController
class EventSubCallbackController {

    static final String PATH = "/eventsub/callback";

    private final EventSubCallbacks callbacks;

    EventSubCallbackController(EventSubCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping(PATH)
    Mono<ResponseEntity<String>> receive(@RequestHeader("Twitch-Eventsub-Message-Id") String messageId,
                                         @RequestHeader("Twitch-Eventsub-Message-Timestamp") String timestamp,
                                         @RequestHeader("Twitch-Eventsub-Message-Signature") String signature,
                                         @RequestHeader("Twitch-Eventsub-Message-Type") String type,
                                         @RequestBody byte[] body) {
        EventSubNotification message = callbacks.verified(messageId, timestamp, signature, body)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
                        "The message is not signed with this deployment's EventSub secret, or is too old."));
        return switch (type) {
            case "webhook_callback_verification" -> Mono.just(ResponseEntity.ok()
                    .contentType(MediaType.TEXT_PLAIN).body(message.getChallenge()));
            case "notification" -> callbacks.notification(messageId, message)
                    .thenReturn(ResponseEntity.noContent().build());
            case "revocation" -> {
                callbacks.revocation(message);
                yield Mono.just(ResponseEntity.noContent().build());
            }
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown message type " + type);
        };
    }
}
