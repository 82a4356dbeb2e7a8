package dev.stagehand.gateway.admin;

import dev.stagehand.platform.axon.EventProcessors;
import dev.stagehand.platform.axon.ProcessorStatus;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Operators' view of the event processors. */
@RestController
@RequestMapping("/api/admin/processors")
class ProcessorController {

    private final EventProcessors processors;

    ProcessorController(EventProcessors processors) {
        this.processors = processors;
    }

    @GetMapping
    Mono<List<ProcessorStatus>> list() {
        return Blocking.call(processors::statuses);
    }

    @GetMapping("/{name}")
    Mono<ProcessorStatus> get(@PathVariable String name) {
        return Blocking.call(() -> processors.status(name));
    }
}
