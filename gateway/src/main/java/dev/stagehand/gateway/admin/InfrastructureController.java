package dev.stagehand.gateway.admin;

import dev.stagehand.platform.kafka.ConsumerGroups;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** What Stagehand runs on, and how far behind its Kafka consumers are (operators). */
@RestController
@RequestMapping("/api/admin")
class InfrastructureController {

    private final Infrastructure infrastructure;
    private final ConsumerGroups groups;

    InfrastructureController(Infrastructure infrastructure, ConsumerGroups groups) {
        this.infrastructure = infrastructure;
        this.groups = groups;
    }

    @GetMapping("/infrastructure")
    Mono<List<Infrastructure.Part>> infrastructure() {
        return Blocking.call(infrastructure::parts);
    }

    @GetMapping("/kafka/groups")
    Mono<List<ConsumerGroups.Group>> groups() {
        return Blocking.call(groups::groups);
    }
}
