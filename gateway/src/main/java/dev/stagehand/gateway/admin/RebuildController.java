package dev.stagehand.gateway.admin;

import dev.stagehand.platform.problem.NotFoundException;
import dev.stagehand.query.rebuild.ProjectionRebuilds;
import dev.stagehand.query.rebuild.RebuildStatus;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Rebuilds of projections beside their live tables: start, watch, compare, confirm or discard (operators). */
@RestController
@RequestMapping("/api/admin")
class RebuildController {

    private final ProjectionRebuilds rebuilds;

    RebuildController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping("/rebuilds")
    Mono<List<RebuildStatus>> list() {
        return Blocking.call(rebuilds::statuses);
    }

    @GetMapping("/processors/{name}/rebuild")
    Mono<RebuildStatus> get(@PathVariable String name) {
        return Blocking.call(() -> rebuilds.status(name)
                .orElseThrow(() -> new NotFoundException("No rebuild of " + name + " was started.")));
    }

    @PostMapping("/processors/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<RebuildStatus> start(@PathVariable String name) {
        return Blocking.call(() -> rebuilds.start(name));
    }

    @PostMapping("/processors/{name}/rebuild/confirm")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<RebuildStatus> confirm(@PathVariable String name) {
        return Blocking.call(() -> rebuilds.confirm(name));
    }

    @PostMapping("/processors/{name}/rebuild/discard")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<RebuildStatus> discard(@PathVariable String name) {
        return Blocking.call(() -> rebuilds.discard(name));
    }
}
