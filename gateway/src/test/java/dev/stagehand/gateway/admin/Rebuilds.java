package dev.stagehand.gateway.admin;

import static org.awaitility.Awaitility.await;

import dev.stagehand.query.rebuild.RebuildStatus;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.test.web.reactive.server.WebTestClient;


/** An operator rebuilding a projection through the admin API, as the Admin page does. */
public final class Rebuilds {

    private Rebuilds() {
    }

    public static RebuildStatus status(WebTestClient operator, String processor) {
        return operator.get().uri("/api/admin/processors/{name}/rebuild", processor).exchange()
                .expectStatus().isOk().expectBody(RebuildStatus.class).returnResult().getResponseBody();
    }

    /** Starts a rebuild and waits (two minutes at most) until it is ready to be compared and confirmed. */
    public static RebuildStatus startAndAwaitReady(WebTestClient operator, String processor) {
        operator.post().uri("/api/admin/processors/{name}/rebuild", processor).exchange().expectStatus().isAccepted();
        return awaitState(() -> status(operator, processor), "READY");
    }

    /** Confirms a ready rebuild and waits until the rebuilt tables are in place. */
    public static RebuildStatus confirm(WebTestClient operator, String processor) {
        operator.post().uri("/api/admin/processors/{name}/rebuild/confirm", processor).exchange()
                .expectStatus().isAccepted();
        return awaitState(() -> status(operator, processor), "SWITCHED");
    }

    private static RebuildStatus awaitState(Supplier<RebuildStatus> status, String state) {
        RebuildStatus[] last = new RebuildStatus[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = status.get();
            if (last[0].state().equals("FAILED")) {
                throw new AssertionError("The rebuild failed: " + last[0].error());
            }
            return last[0].state().equals(state);
        });
        return last[0];
    }
}
