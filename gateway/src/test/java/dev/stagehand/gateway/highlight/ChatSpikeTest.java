package dev.stagehand.gateway.highlight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.gateway.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A channel chatting steadily on the simulated Twitch, then bursting: exactly one spike (the test context's baseline is
 * ten windows, so the rule is armed after 19 seconds of chat).
 */
class ChatSpikeTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aScriptedBurstAfterSteadyChatIsOneSpike() throws InterruptedException {
        String channelId = sim.world().user("spiky_channel").id();
        WebTestClient streamer = as(twitchUser("spiky_owner"));
        streamer.post().uri("/api/channels").bodyValue(Map.of("channel", "spiky_channel")).exchange()
                .expectStatus().isCreated();
        await().atMost(WAIT).until(() -> sim.chat().viewersConnected("spiky_channel") == 1);
        try {
            sim.scenario().chat("spiky_channel", 20, 2.0);
            Thread.sleep(22_000);
            assertThat(spikes(streamer, channelId)).isEmpty();

            sim.scenario().burst("spiky_channel", 40.0, Duration.ofSeconds(4));
            await().atMost(WAIT).until(() -> !spikes(streamer, channelId).isEmpty());
            Thread.sleep(6_000);
        } finally {
            sim.scenario().chat("spiky_channel", 20, 0);
        }
        List<ChatSpike> spikes = spikes(streamer, channelId);
        assertThat(spikes).hasSize(1);
        assertThat(spikes.get(0).messages()).isGreaterThan((long) spikes.get(0).threshold());
        assertThat(spikes.get(0).baselineWindows()).isEqualTo(10);

        streamer.get().uri("/api/channels/{id}/spikes?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z", channelId)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(twitchUser("spiky_stranger")).get().uri("/api/channels/{id}/spikes", channelId).exchange()
                .expectStatus().isNotFound();
    }

    private List<ChatSpike> spikes(WebTestClient client, String channelId) {
        return client.get().uri("/api/channels/{id}/spikes", channelId).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<ChatSpike>>() { }).returnResult().getResponseBody();
    }
}
