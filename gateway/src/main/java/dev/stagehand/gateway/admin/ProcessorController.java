package dev.stagehand.gateway.admin;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Operators' view of the event processors, and replay of a projection. */
@RestController
@RequestMapping("/api/admin/processors")
class ProcessorController {

    private final EventProcessors processors;

    ProcessorController(EventProcessors processors) {
        this.processors = processors;
    }

    @GetMapping
    Mono<List<ProcessorStatus>> list() {
        return Mono.fromCallable(processors::statuses).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/{name}")
    Mono<ProcessorStatus> get(@PathVariable String name) {
        return Mono.fromCallable(() -> processors.status(name)).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ProcessorStatus> replay(@PathVariable String name) {
        return Mono.defer(() -> Mono.fromFuture(processors.replay(name))).subscribeOn(Schedulers.boundedElastic());
    }
}
