package dev.stagehand.gateway.highlight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.ClipView;
import dev.stagehand.api.highlight.SpikeBacktest;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.gateway.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Highlights on the simulated Twitch, driven through the real chat, detector, clipper and clip saga. The test
 * context's baseline is ten windows, so the rule is armed after 19 seconds of chat. Its scripted chat is mostly
 * waiting, so it runs beside the other tests (see the surefire configuration); its users log in with the
 * simulator's login hint, and it keeps the public clips feed to itself while it counts that feed.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(IntegrationTest.PUBLIC_CLIPS)
@Order(1)
class HighlightTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CHANNEL = "spiky_channel";

    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private JsonMapper json;
    @Autowired
    private KafkaAdmin kafkaAdmin;

    /**
     * Two subscribers who are not the broadcaster auto-clip a steadily chatting channel. Its first burst meets clips
     * turned off there: Twitch refuses both, the clip fails and auto-clipping pauses. Resumed, the second burst makes
     * exactly one clip, through one Helix failure, with the first auto-clipper's own token; both see it, and once the
     * broadcaster makes the channel's clips public, so does anyone through {@code /v1.0/clip}.
     */
    @Test
    void aBurstMakesOneClipWithTheFirstAutoClippersTokenAndARefusalPausesAutoClipping()
            throws InterruptedException {
        String channelId = sim.world().user(CHANNEL).id();
        sim.world().goLive(CHANNEL, sim.world().game("509658", "Just Chatting"), "Spike practice", 12);
        WebTestClient broadcaster = as(twitchUser(CHANNEL));
        WebTestClient moderator = as(twitchUser("spiky_moderator"));
        WebTestClient helper = as(twitchUser("spiky_helper"));
        for (WebTestClient subscriber : List.of(broadcaster, moderator, helper)) {
            subscriber.post().uri("/api/channels").bodyValue(Map.of("channel", CHANNEL)).exchange()
                    .expectStatus().isCreated();
        }
        for (WebTestClient clipper : List.of(moderator, helper)) {
            clipper.put().uri("/api/channels/{id}/highlights/auto-clip", channelId).bodyValue(Map.of("on", true))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.autoClip").isEqualTo(true).jsonPath("$.editable").isEqualTo(false);
        }
        broadcaster.get().uri("/api/channels/{id}/highlights", channelId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.autoClip").isEqualTo(false).jsonPath("$.autoClippers").isEqualTo(2);
        sim.clips().enable(channelId, false);
        await().atMost(WAIT).until(() -> sim.chat().viewersConnected(CHANNEL) == 1);
        Instant began = sim.world().now();
        try {
            sim.scenario().chat(CHANNEL, 20, 2.0);
            Thread.sleep(22_000);
            assertThat(spikes(broadcaster, channelId)).isEmpty();
            // window 5 s + baseline 10 s + window 5 s − 1: warm 19 s after the first message it heard
            await().atMost(WAIT).until(() -> Boolean.TRUE.equals(warmUp(helper, channelId).get("warm")));
            Map<String, Object> warmUp = warmUp(helper, channelId);
            assertThat(Instant.parse((String) warmUp.get("since"))).isAfterOrEqualTo(began.minusSeconds(1));
            assertThat(Duration.between(Instant.parse((String) warmUp.get("since")),
                    Instant.parse((String) warmUp.get("warmAt")))).isEqualTo(Duration.ofSeconds(19));

            sim.scenario().burst(CHANNEL, 40.0, Duration.ofSeconds(4));
            await().atMost(WAIT).until(() -> settings(helper, channelId).get("paused") != null
                    && clips(helper, channelId).stream().anyMatch(clip -> clip.status().equals("FAILED")));
            assertThat(clips(helper, channelId)).singleElement().satisfies(refused -> {
                assertThat(refused.status()).isEqualTo("FAILED");
                assertThat(refused.attempts()).isEqualTo(2);
                assertThat(refused.failure()).isEqualTo("Twitch answered 403: The specified broadcaster has not "
                        + "enabled clips on their channel.");
            });
            assertThat(settings(helper, channelId).get("paused")).asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsEntry("reason", "Twitch answered 403: The specified broadcaster has not enabled clips "
                            + "on their channel.");

            sim.clips().enable(channelId, true);
            helper.post().uri("/api/channels/{id}/highlights/resume", channelId).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.paused").isEmpty();
            sim.faults().failNext("/helix/clips?broadcaster_id=" + channelId, 503, 1);
            Thread.sleep(35_000); // the cooldown passes, and the burst leaves the baseline
            sim.scenario().burst(CHANNEL, 40.0, Duration.ofSeconds(4));
            await().atMost(WAIT).until(() -> clips(broadcaster, channelId).stream()
                    .anyMatch(clip -> clip.status().equals("CREATED")));
            Thread.sleep(6_000);
        } finally {
            sim.scenario().chat(CHANNEL, 20, 0);
            sim.world().goOffline(CHANNEL);
        }
        List<ChatSpike> spikes = spikes(broadcaster, channelId);
        assertThat(spikes).hasSize(2)
                .allSatisfy(spike -> assertThat(spike.messages()).isGreaterThan((long) spike.threshold()));
        List<ClipView> clips = clips(moderator, channelId);
        assertThat(clips).hasSize(2).first().satisfies(clip -> {
            assertThat(clip.status()).isEqualTo("CREATED");
            assertThat(clip.attempts()).isEqualTo(2);
            assertThat(clip.spike()).isEqualTo(spikes.get(0));
            assertThat(clip.clip().url()).isEqualTo(sim.urls().base() + "/clips/" + clip.clip().id());
        });
        assertThat(clips(helper, channelId)).isEqualTo(clips);
        assertThat(sim.clips().all()).filteredOn(made -> made.stream().broadcaster().id().equals(channelId))
                .singleElement().satisfies(made -> {
                    assertThat(made.id()).isEqualTo(clips.get(0).clip().id());
                    assertThat(made.creator().login()).isEqualTo("spiky_moderator");
                });

        anonymous().get().uri("/v1.0/clip?min_intensity=0&start={start}", began).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.count").isEqualTo(0).jsonPath("$.has_more").isEqualTo(false);
        broadcaster.put().uri("/api/channels/{id}/highlights", channelId)
                .bodyValue(Map.of("othersMayClip", true, "publicClips", true)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.publicClips").isEqualTo(true).jsonPath("$.editable").isEqualTo(true);
        Map<String, Object> feed = anonymous().get().uri("/v1.0/clip?min_intensity=0&start={start}&limit=500",
                began).exchange().expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String,
                Object>>() { }).returnResult().getResponseBody();
        assertThat(feed).containsEntry("count", 1).containsEntry("total_count", 1).containsEntry("has_more", false)
                .containsEntry("query", Map.of("min_intensity", 0.0, "limit", 100, "offset", 0));
        assertThat(feed.get("clips")).asInstanceOf(InstanceOfAssertFactories.list(Map.class)).singleElement()
                .satisfies(clip -> {
                    assertThat(clip).containsEntry("id", clips.get(0).clipId().value())
                            .containsEntry("clip_id", clips.get(0).clip().id())
                            .containsEntry("broadcaster_id", channelId).containsEntry("streamer_login", CHANNEL)
                            .containsEntry("detected_at", spikes.get(0).windowEnd().toString())
                            .containsKeys("embed_url", "thumbnail_url", "created_at", "url", "title", "duration");
                    assertThat((Double) clip.get("intensity")).isEqualTo(spikes.get(0).intensity())
                            .isPositive();
                    assertThat(clip.get("spike")).asInstanceOf(InstanceOfAssertFactories.MAP)
                            .containsKeys("window_start", "messages", "baseline_mean", "threshold");
                });
        anonymous().get().uri("/v1.0/clip?min_intensity=1000000&start={start}", began).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.count").isEqualTo(0);

        Instant ended = Instant.now();
        SpikeBacktest same = backtest(broadcaster, channelId, Map.of("from", began.toString(), "to",
                ended.toString()));
        assertThat(same.rule().baselineWindows()).isEqualTo(10);
        assertThat(same.messages()).isGreaterThan(100);
        assertThat(same.spikes()).hasSize(2).allSatisfy(spike -> assertThat(spikes)
                .anySatisfy(live -> assertThat(Duration.between(live.windowEnd(), spike.windowEnd()).abs())
                        .isLessThanOrEqualTo(Duration.ofSeconds(2))))
                .allSatisfy(spike -> assertThat(spike.intensity()).as("a backtest reports intensity").isPositive());
        SpikeBacktest stricter = backtest(broadcaster, channelId, Map.of("from", began.toString(), "to",
                ended.toString(), "rule", Map.of("windowSeconds", 5, "baselineWindows", 10, "sigmas", 3.0,
                        "minimumLift", 1000, "cooldownSeconds", 30, "afterBurstSeconds", 30)));
        assertThat(stricter.messages()).isEqualTo(same.messages());
        assertThat(stricter.spikes()).isEmpty();
        broadcaster.post().uri("/api/channels/{id}/highlights/backtest", channelId)
                .bodyValue(Map.of("from", "2026-11-01T00:00:00Z", "to", "2026-11-04T00:00:00Z")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                .isEqualTo("a backtest covers at most 48 hours of chat");
    }

    /**
     * A broadcaster who keeps auto-clipping to themselves: a viewer's earlier choice stays but makes no clip; the
     * broadcaster's own does. The spikes are written to the spike topic as the detector would.
     */
    @Test
    void anOptedOutChannelIsClippedOnlyByItsBroadcaster() throws Exception {
        String login = "guarded_channel";
        String channelId = sim.world().user(login).id();
        sim.world().goLive(login, sim.world().game("509658", "Just Chatting"), "Mine to clip", 40);
        WebTestClient broadcaster = as(twitchUser(login));
        WebTestClient viewer = as(twitchUser("guarded_viewer"));
        try {
            for (WebTestClient subscriber : List.of(broadcaster, viewer)) {
                subscriber.post().uri("/api/channels").bodyValue(Map.of("channel", login)).exchange()
                        .expectStatus().isCreated();
            }
            viewer.put().uri("/api/channels/{id}/highlights/auto-clip", channelId).bodyValue(Map.of("on", true))
                    .exchange().expectStatus().isOk();
            broadcaster.put().uri("/api/channels/{id}/highlights", channelId)
                    .bodyValue(Map.of("othersMayClip", false, "publicClips", false)).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.othersMayClip").isEqualTo(false);
            viewer.get().uri("/api/channels/{id}/highlights", channelId).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.autoClip").isEqualTo(true).jsonPath("$.cannotAutoClip")
                    .isEqualTo("The broadcaster does not allow others to auto-clip this channel on this deployment");
            viewer.put().uri("/api/channels/{id}/highlights/auto-clip", channelId).bodyValue(Map.of("on", true))
                    .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                    .isEqualTo("The broadcaster of guarded_channel does not allow others to auto-clip the channel "
                            + "on this deployment");

            Instant now = Instant.now();
            ChatSpike unclipped = spike(channelId, now.minusSeconds(1));
            ChatSpike clipped = spike(channelId, now);
            RecordMetadata sent = kafka.send(Topics.CHAT_SPIKES.name(), channelId,
                    json.writeValueAsString(unclipped)).get().getRecordMetadata();
            awaitClipperPast(sent);
            broadcaster.put().uri("/api/channels/{id}/highlights/auto-clip", channelId).bodyValue(Map.of("on", true))
                    .exchange().expectStatus().isOk();
            kafka.send(Topics.CHAT_SPIKES.name(), channelId, json.writeValueAsString(clipped));
            await().atMost(WAIT).until(() -> clips(viewer, channelId).stream()
                    .anyMatch(clip -> clip.status().equals("CREATED")));
            assertThat(clips(viewer, channelId)).singleElement()
                    .satisfies(clip -> assertThat(clip.spike()).isEqualTo(clipped));
            assertThat(sim.clips().all()).filteredOn(made -> made.stream().broadcaster().id().equals(channelId))
                    .singleElement().satisfies(made -> assertThat(made.creator().login()).isEqualTo(login));
        } finally {
            sim.world().goOffline(login);
        }
    }

    /** Waits until the spike clipper has committed its reading of this record: it has acted on it. */
    private void awaitClipperPast(RecordMetadata record) throws Exception {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            await().atMost(WAIT).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("stagehand-spike-clipper")
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    private static ChatSpike spike(String channelId, Instant end) {
        return new ChatSpike(ChatSpike.SCHEMA_VERSION, channelId, end.minusSeconds(5), end, 200, 10, 2, 16, 10, 40.0);
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
                .jsonPath("$.othersMayClip").isEqualTo(true).jsonPath("$.publicClips").isEqualTo(false)
                .jsonPath("$.cannotAutoClip").isEmpty()
                .jsonPath("$.rule.windowSeconds").isEqualTo(5).jsonPath("$.editable").isEqualTo(false);
        viewer.put().uri("/api/channels/{id}/highlights", channelId)
                .bodyValue(Map.of("othersMayClip", true, "publicClips", true)).exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        Map<String, Object> rule = Map.of("windowSeconds", 10, "baselineWindows", 60, "sigmas", 2.5,
                "minimumLift", 25, "cooldownSeconds", 120, "afterBurstSeconds", 30, "peakSeconds", 20);
        broadcaster.put().uri("/api/channels/{id}/highlights", channelId)
                .bodyValue(Map.of("othersMayClip", true, "publicClips", false, "rule", rule)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.custom").isEqualTo(true).jsonPath("$.rule.minimumLift").isEqualTo(25);
        viewer.get().uri("/api/channels/{id}/highlights", channelId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.rule.cooldownSeconds").isEqualTo(120).jsonPath("$.rule.peakSeconds")
                .isEqualTo(20);

        broadcaster.put().uri("/api/channels/{id}/highlights", channelId)
                .bodyValue(Map.of("othersMayClip", true, "publicClips", false, "rule", Map.of("windowSeconds", 0,
                        "baselineWindows", 60, "sigmas", 2.5, "minimumLift", 25, "cooldownSeconds", 120,
                        "afterBurstSeconds", 30)))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("windowSeconds must be between 1 and 60");
        broadcaster.put().uri("/api/channels/{id}/highlights", channelId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"othersMayClip\": \"sometimes\", \"publicClips\": false}").exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        broadcaster.put().uri("/api/channels/{id}/highlights", channelId).bodyValue(Map.of("rule", rule)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                .isEqualTo("othersMayClip and publicClips are required: true or false");
        viewer.put().uri("/api/channels/{id}/highlights/auto-clip", channelId).bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                .isEqualTo("on is required: true or false");
        as(discordUser("rules_discord")).post().uri("/api/channels").bodyValue(Map.of("channel", "rules_channel"))
                .exchange().expectStatus().isCreated();
        as(discordUser("rules_discord")).put().uri("/api/channels/{id}/highlights/auto-clip", channelId)
                .bodyValue(Map.of("on", true)).exchange().expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Log in with Twitch to auto-clip: clips are made with your own Twitch account");
        as(twitchUser("rules_stranger")).get().uri("/api/channels/{id}/highlights", channelId).exchange()
                .expectStatus().isNotFound();
        as(twitchUser("rules_stranger")).put().uri("/api/channels/{id}/highlights/auto-clip", channelId)
                .bodyValue(Map.of("on", true)).exchange().expectStatus().isNotFound();

        broadcaster.get().uri("/api/channels/{id}/spikes?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z",
                channelId).exchange().expectStatus().isBadRequest();
        broadcaster.get().uri("/api/channels/{id}/clips?limit=0", channelId).exchange().expectStatus().isBadRequest();
    }

    @Test
    void thePublicClipsApiClampsWhatItCanAndRefusesWhatItCannotRead() {
        anonymous().get().uri("/v1.0/clip?limit=0&offset=-5").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.query.limit").isEqualTo(1).jsonPath("$.query.offset").isEqualTo(0)
                .jsonPath("$.query.min_intensity").isEqualTo(9.0);
        anonymous().get().uri("/v1.0/clip").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.query.limit").isEqualTo(24).jsonPath("$.clips").isArray();
        for (String query : List.of("?offset=abc", "?limit=ten", "?limit=2.5", "?min_intensity=-1",
                "?min_intensity=lots", "?min_intensity=NaN", "?start=yesterday",
                "?start=2026-12-03T18:00:00Z&end=2026-12-03T17:00:00Z")) {
            anonymous().get().uri("/v1.0/clip" + query).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        anonymous().get().uri("/v1.0/clip?offset=abc").exchange().expectBody().jsonPath("$.detail")
                .isEqualTo("offset must be a whole number, not 'abc'");
        anonymous().get().uri("/v1.0/clip?start=2026-12-03T18:00:00Z&end=2026-12-03T17:00:00Z").exchange()
                .expectBody().jsonPath("$.detail").isEqualTo("start must be before end");
    }

    private Map<String, Object> warmUp(WebTestClient client, String channelId) {
        return client.get().uri("/api/channels/{id}/highlights/warm-up", channelId).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody();
    }

    private Map<String, Object> settings(WebTestClient client, String channelId) {
        return client.get().uri("/api/channels/{id}/highlights", channelId).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody();
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
