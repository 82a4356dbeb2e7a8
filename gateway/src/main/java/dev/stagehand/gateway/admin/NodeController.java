package dev.stagehand.gateway.admin;

import dev.stagehand.platform.cluster.ClusterNode;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Which node answers, how many are alive, and the work it alone does now (stream watching, channels' chats). */
@RestController
class NodeController {

    record NodeResponse(String name, int nodes, List<String> claims) {
    }

    private final ClusterNode node;

    NodeController(ClusterNode node) {
        this.node = node;
    }

    @GetMapping("/api/admin/node")
    Mono<NodeResponse> node() {
        return Mono.fromCallable(() -> new NodeResponse(node.name(), node.nodes(),
                node.claims().stream().sorted().toList())).subscribeOn(Schedulers.boundedElastic());
    }
}
