package dev.stagehand.gateway.highlight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.ClipView;
import dev.stagehand.api.highlight.SpikeBacktest;
import dev.stagehand.gateway.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A live channel chatting steadily on the simulated Twitch, then bursting twice: the first burst is only a spike (the
 * broadcaster has not turned auto-clipping on yet), the second makes exactly one Twitch clip, through one Helix
 * failure. The test context's baseline is ten windows, so the rule is armed after 19 seconds of chat.
 */
class HighlightTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CHANNEL = "spiky_channel";

    @Test
    void aBurstMakesOneSpikeAndOnceAutoClippingIsOnOneClip() throws InterruptedException {
        String channelId = sim.world().user(CHANNEL).id();
        sim.world().goLive(CHANNEL, sim.world().game("509658", "Just Chatting"), "Spike practice", 12);
        WebTestClient broadcaster = as(twitchUser(CHANNEL));
        WebTestClient moderator = as(twitchUser("spiky_moderator"));
        for (WebTestClient subscriber : List.of(broadcaster, moderator)) {
            subscriber.post().uri("/api/channels").bodyValue(Map.of("channel", CHANNEL)).exchange()
                    .expectStatus().isCreated();
        }
        await().atMost(WAIT).until(() -> sim.chat().viewersConnected(CHANNEL) == 1);
        Instant began = sim.world().now();
        List<ClipView> clips;
        try {
            sim.scenario().chat(CHANNEL, 20, 2.0);
            Thread.sleep(22_000);
            assertThat(spikes(broadcaster, channelId)).isEmpty();

            sim.scenario().burst(CHANNEL, 40.0, Duration.ofSeconds(4));
            await().atMost(WAIT).until(() -> !spikes(broadcaster, channelId).isEmpty());
            assertThat(clips(broadcaster, channelId)).isEmpty();

            broadcaster.put().uri("/api/channels/{id}/highlights", channelId)
                    .bodyValue(Map.of("autoClip", true)).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.autoClip").isEqualTo(true).jsonPath("$.editable").isEqualTo(true);
            sim.faults().failNext("/helix/clips", 503, 1);
            Thread.sleep(35_000); // the cooldown passes, and the burst leaves the baseline
            sim.scenario().burst(CHANNEL, 40.0, Duration.ofSeconds(4));
            await().atMost(WAIT).until(() -> clips(broadcaster, channelId).stream()
                    .anyMatch(clip -> clip.status().equals("CREATED")));
            Thread.sleep(6_000);
        } finally {
            sim.scenario().chat(CHANNEL, 20, 0);
            sim.world().goOffline(CHANNEL);
        }
        assertThat(spikes(broadcaster, channelId)).hasSize(2)
                .allSatisfy(spike -> assertThat(spike.messages()).isGreaterThan((long) spike.threshold()));
        clips = clips(broadcaster, channelId);
        assertThat(clips).singleElement().satisfies(clip -> {
            assertThat(clip.attempts()).isEqualTo(2);
            assertThat(clip.spike()).isEqualTo(spikes(broadcaster, channelId).get(0));
            assertThat(clip.clip().url()).startsWith("https://clips.twitch.tv/");
        });
        assertThat(sim.clips().all()).singleElement()
                .satisfies(made -> assertThat(made.id()).isEqualTo(clips.get(0).clip().id()));

        List<Map<String, Object>> listed = broadcaster.get()
                .uri("/v1.0/clip?start={start}&end={end}&limit=5", began, Instant.now().plusSeconds(60)).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        assertThat(listed).singleElement().satisfies(clip -> {
            assertThat(clip).containsEntry("clip_id", clips.get(0).clip().id()).containsEntry("channel_id", channelId);
            assertThat(clip.get("spike")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsKeys("window_start", "messages", "baseline_mean", "threshold");
        });
        Instant ended = Instant.now();
        SpikeBacktest same = backtest(broadcaster, channelId, Map.of("from", began.toString(), "to",
                ended.toString()));
        assertThat(same.rule().baselineWindows()).isEqualTo(10);
        assertThat(same.messages()).isGreaterThan(100);
        assertThat(same.spikes()).hasSize(2).allSatisfy(spike -> assertThat(spikes(broadcaster, channelId))
                .anySatisfy(live -> assertThat(Duration.between(live.windowEnd(), spike.windowEnd()).abs())
                        .isLessThanOrEqualTo(Duration.ofSeconds(2))));
        SpikeBacktest stricter = backtest(broadcaster, channelId, Map.of("from", began.toString(), "to",
                ended.toString(), "rule", Map.of("windowSeconds", 5, "baselineWindows", 10, "sigmas", 3.0,
                        "minimumLift", 1000, "cooldownSeconds", 30, "afterBurstSeconds", 30)));
        assertThat(stricter.messages()).isEqualTo(same.messages());
        assertThat(stricter.spikes()).isEmpty();
        broadcaster.post().uri("/api/channels/{id}/highlights/backtest", channelId)
                .bodyValue(Map.of("from", "2026-11-01T00:00:00Z", "to", "2026-11-04T00:00:00Z")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                .isEqualTo("a backtest covers at most 48 hours of chat");

        assertThat(as(twitchUser("spiky_stranger")).get().uri("/v1.0/clip?start={start}&end={end}", began,
                Instant.now().plusSeconds(60)).exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody()).isEmpty();
        as(twitchUser("spiky_stranger")).get().uri("/v1.0/clip?start={start}&end={end}", ended, began).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                .isEqualTo("start must be before end");
    }

    @Test
    void onlyTheBroadcasterChangesHighlightsAndBadInputIsAProblem() {
        String channelId = sim.world().user("rules_channel").id();
        WebTestClient broadcaster = as(twitchUser("rules_channel"));
        WebTestClient viewer = as(twitchUser("rules_viewer"));
        for (WebTestClient subscriber : List.of(broadcaster, viewer)) {
            subscriber.post().uri("/api/channels").bodyValue(Map.of("channel", "rules_channel")).exchange()
                    .expectStatus().isCreated();
        }
        viewer.get().uri("/api/channels/{id}/highlights", channelId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.autoClip").isEqualTo(false).jsonPath("$.custom").isEqualTo(false)
                .jsonPath("$.rule.windowSeconds").isEqualTo(5).jsonPath("$.editable").isEqualTo(false);
        viewer.put().uri("/api/channels/{id}/highlights", channelId).bodyValue(Map.of("autoClip", true)).exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        Map<String, Object> rule = Map.of("windowSeconds", 10, "baselineWindows", 60, "sigmas", 2.5,
                "minimumLift", 25, "cooldownSeconds", 120, "afterBurstSeconds", 30, "peakSeconds", 20);
        broadcaster.put().uri("/api/channels/{id}/highlights", channelId)
                .bodyValue(Map.of("autoClip", false, "rule", rule)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.custom").isEqualTo(true).jsonPath("$.rule.minimumLift").isEqualTo(25);
        viewer.get().uri("/api/channels/{id}/highlights", channelId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.rule.cooldownSeconds").isEqualTo(120).jsonPath("$.rule.peakSeconds")
                .isEqualTo(20);

        broadcaster.put().uri("/api/channels/{id}/highlights", channelId)
                .bodyValue(Map.of("autoClip", true, "rule", Map.of("windowSeconds", 0, "baselineWindows", 60,
                        "sigmas", 2.5, "minimumLift", 25, "cooldownSeconds", 120, "afterBurstSeconds", 30)))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("windowSeconds must be between 1 and 60");
        broadcaster.put().uri("/api/channels/{id}/highlights", channelId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"autoClip\": \"sometimes\"}").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        broadcaster.put().uri("/api/channels/{id}/highlights", channelId).bodyValue(Map.of("rule", rule)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                .isEqualTo("autoClip is required: true or false");
        as(twitchUser("rules_stranger")).get().uri("/api/channels/{id}/highlights", channelId).exchange()
                .expectStatus().isNotFound();

        broadcaster.get().uri("/api/channels/{id}/spikes?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z",
                channelId).exchange().expectStatus().isBadRequest();
        broadcaster.get().uri("/api/channels/{id}/clips?limit=0", channelId).exchange().expectStatus().isBadRequest();
        for (String query : List.of("", "?start=2026-12-03T18:00:00Z", "?start=yesterday&end=2026-12-03T18:00:00Z",
                "?start=2026-12-03T18:00:00Z&end=2026-12-03T17:00:00Z",
                "?start=2026-12-03T17:00:00Z&end=2026-12-03T18:00:00Z&limit=1000",
                "?start=2026-12-03T17:00:00Z&end=2026-12-03T18:00:00Z&limit=ten")) {
            broadcaster.get().uri("/v1.0/clip" + query).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        anonymous().get().uri("/v1.0/clip?start=2026-12-03T17:00:00Z&end=2026-12-03T18:00:00Z").exchange()
                .expectStatus().isUnauthorized();
    }

    private List<ChatSpike> spikes(WebTestClient client, String channelId) {
        return client.get().uri("/api/channels/{id}/spikes", channelId).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<ChatSpike>>() { }).returnResult().getResponseBody();
    }

    private SpikeBacktest backtest(WebTestClient client, String channelId, Map<String, Object> request) {
        return client.post().uri("/api/channels/{id}/highlights/backtest", channelId).bodyValue(request).exchange()
                .expectStatus().isOk().expectBody(SpikeBacktest.class).returnResult().getResponseBody();
    }

    private List<ClipView> clips(WebTestClient client, String channelId) {
        return client.get().uri("/api/channels/{id}/clips", channelId).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<ClipView>>() { }).returnResult().getResponseBody();
    }
}
