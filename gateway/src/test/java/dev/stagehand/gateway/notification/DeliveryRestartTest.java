package dev.stagehand.gateway.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.gateway.SideApplication;
import dev.stagehand.gateway.WebUser;
import dev.stagehand.twitchsim.TwitchSim;
import dev.stagehand.twitchsim.discord.SimWebhook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A notification whose delivery is still pending when Stagehand stops is delivered after it starts again, exactly
 * once: its next attempt is a persistent deadline. Discord outlives Stagehand: one simulator serves both runs.
 * Its applications and data are its own, so it runs beside the other tests (see the surefire configuration), though
 * not beside the browser scenarios, whose steps a starting application would slow past their limits.
 */
@Execution(ExecutionMode.CONCURRENT)
@Order(3)
@ResourceLock(IntegrationTest.APPLICATION_STARTS)
class DeliveryRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Long enough that the attempt is still pending when the first run stops. */
    private static final Duration RETRY = Duration.ofSeconds(30);

    private final Path dataDir = Path.of("target", "test-data", "delivery-restart-" + UUID.randomUUID());
    private final TwitchSim sim = TwitchSim.start(0);

    @AfterEach
    void stopTheSimulator() {
        sim.close();
    }

    @Test
    void aPendingDeliveryIsMadeOnceAfterARestart() {
        SimWebhook discordHook;
        try (ConfigurableApplicationContext first = start()) {
            sim.discord().approveAs("restart_admin");
            WebUser admin = new WebUser(baseUrl(first));
            admin.logIn("discord");
            WebTestClient api = admin.client(WebTestClient.bindToServer().baseUrl(baseUrl(first))
                    .responseTimeout(WAIT).build());
            discordHook = sim.discord().createWebhook("survives");
            String webhook = (String) api.post().uri("/api/webhooks")
                    .bodyValue(Map.of("name", "Survives", "url", discordHook.url(sim.discordUrl()))).exchange()
                    .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
            sim.world().user("restart_streamer");
            api.post().uri("/api/webhooks/{id}/subscriptions", webhook)
                    .bodyValue(Map.of("streamer", "restart_streamer")).exchange().expectStatus().isCreated();
            // Discord fails the first attempt: the notification waits for its next one, due after the restart.
            sim.faults().failNext("/discord/api/webhooks/" + discordHook.id(), 503, 1);

            sim.world().goLive("restart_streamer", sim.world().game("509658", "Just Chatting"), "Still here?", 3);
            await().atMost(WAIT).until(() -> state(api, webhook).equals("RETRYING"));
            assertThat(sim.discord().deliveriesTo(discordHook.id())).isEmpty();
        }

        try (ConfigurableApplicationContext ignored = start()) {
            await().atMost(RETRY.plus(WAIT)).until(() -> !sim.discord().deliveriesTo(discordHook.id()).isEmpty());
            await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() ->
                    sim.discord().deliveriesTo(discordHook.id()).stream()
                            .filter(delivery -> delivery.method().equals("POST")).count() == 1);
        }
    }

    private static String state(WebTestClient api, String webhook) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> log = api.get().uri("/api/webhooks/{id}/deliveries", webhook).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return log.isEmpty() ? "" : (String) log.get(0).get("state");
    }

    private ConfigurableApplicationContext start() {
        return SideApplication.start(
                "--server.port=0",
                "--stagehand.embedded.data-dir=" + dataDir,
                "--stagehand.demo.twitch-sim-url=" + sim.urls().base(),
                "--stagehand.streams.poll-interval=1s",
                "--stagehand.notifications.first-retry=" + RETRY.toSeconds() + "s");
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }
}
