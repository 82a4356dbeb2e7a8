package dev.stagehand.gateway.overlay;

import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.BrowserScenario;
import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.twitchsim.emotes.EmoteProvider;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Chromium loads an overlay URL as OBS would and shows the simulated chat safely. */
@Order(IntegrationTest.BROWSER_SCENARIOS)
@ResourceLock(IntegrationTest.APPLICATION_STARTS)
class OverlayBrowserTest extends IntegrationTest {

    @Test
    void anOverlayShowsChatWithEmotesAsTextAndDropsDeletedMessages() throws Exception {
        String channelId = sim.world().user("overlay_stage").id();
        sim.thirdPartyEmotes().addChannelEmote(EmoteProvider.SEVENTV, channelId, "catJAM", true, false);
        WebTestClient streamer = as(twitchUser("overlay_streamer"));
        streamer.post().uri("/api/channels").bodyValue(Map.of("channel", "overlay_stage")).exchange()
                .expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.chat().viewersConnected("overlay_stage") == 1);
        Map<?, ?> overlay = streamer.post().uri("/api/overlays")
                .bodyValue(Map.of("name", "Main scene", "channelId", channelId)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        BrowserScenario.run("overlay.e2e.mjs", ((String) overlay.get("url")).replace("localhost", "127.0.0.1"),
                "http://127.0.0.1:" + sim.port() + "/sim", "overlay_stage");
    }
}
