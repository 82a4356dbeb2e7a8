package dev.stagehand.gateway.admin;

import dev.stagehand.platform.kafka.ConsumerGroups;
import dev.stagehand.platform.kafka.TopicStates;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** What Stagehand runs on, its Kafka topics, and how far behind its Kafka consumers are (operators). */
@RestController
@RequestMapping("/api/admin")
class InfrastructureController {

    private final Infrastructure infrastructure;
    private final ConsumerGroups groups;
    private final TopicStates topics;

    InfrastructureController(Infrastructure infrastructure, ConsumerGroups groups, TopicStates topics) {
        this.infrastructure = infrastructure;
        this.groups = groups;
        this.topics = topics;
    }

    @GetMapping("/infrastructure")
    Mono<List<Infrastructure.Part>> infrastructure() {
        return Blocking.call(infrastructure::parts);
    }

    @GetMapping("/kafka/topics")
    Mono<List<TopicStates.TopicState>> topics() {
        return Blocking.call(topics::topics);
    }

    @GetMapping("/kafka/groups")
    Mono<List<ConsumerGroups.Group>> groups() {
        return Blocking.call(groups::groups);
    }
}
