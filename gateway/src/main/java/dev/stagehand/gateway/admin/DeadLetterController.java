package dev.stagehand.gateway.admin;

import dev.stagehand.platform.axon.DeadLetters;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A processor's dead letters: list, retry, drop (operators). */
@RestController
@RequestMapping("/api/admin/processors/{name}/dead-letters")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    Mono<List<DeadLetters.Letter>> list(@PathVariable String name) {
        return Blocking.call(() -> deadLetters.of(name));
    }

    @PostMapping("/retry")
    Mono<DeadLetters.Retried> retry(@PathVariable String name) {
        return Blocking.call(() -> deadLetters.retry(name));
    }

    @DeleteMapping("/{eventId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> drop(@PathVariable String name, @PathVariable String eventId) {
        return Blocking.call(() -> {
            deadLetters.drop(name, eventId);
            return true;
        }).then();
    }
}
