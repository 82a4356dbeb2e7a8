package dev.stagehand.platform.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/health} in the original stats API's contract: whether each service Stagehand stands on answers,
 * {@code healthy} (200) only when all do, otherwise {@code unhealthy} (503). Public, like {@code /actuator/health}.
 */
@RestController
class ServiceHealthController {

    /** Each service as the original names it, the health component that tells, and the word for "up". */
    private record Service(String name, String component, String up, String down) {
    }

    private static final Service[] SERVICES = {
        new Service("database", "db", "connected", "disconnected"),
        new Service("kafka", "kafka", "connected", "disconnected"),
        new Service("event_processors", "eventProcessors", "running", "failing"),
        new Service("chat_stream", "chatStream", "running", "failing"),
    };

    private final HealthEndpoint health;

    ServiceHealthController(HealthEndpoint health) {
        this.health = health;
    }

    /** @param timestamp when it was checked, in epoch seconds */
    record ServiceHealth(String status, long timestamp, Map<String, String> services) {
    }

    @GetMapping("/api/health")
    Mono<ResponseEntity<ServiceHealth>> health() {
        return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic());
    }

    private ResponseEntity<ServiceHealth> check() {
        Map<String, String> services = new LinkedHashMap<>();
        boolean healthy = true;
        for (Service service : SERVICES) {
            HealthDescriptor part = health.healthForPath(service.component());
            boolean up = part != null && Status.UP.equals(part.getStatus());
            services.put(service.name(), up ? service.up() : service.down());
            healthy &= up;
        }
        return ResponseEntity.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(new ServiceHealth(healthy ? "healthy" : "unhealthy", Instant.now().getEpochSecond(), services));
    }
}
