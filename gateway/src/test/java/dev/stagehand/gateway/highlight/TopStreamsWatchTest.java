package dev.stagehand.gateway.highlight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.gateway.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The top streams watch on the simulated Twitch, reading its ranking every 2 s (the test context's interval): it
 * follows the top two streams of a category, replaces one that goes offline, keeps one that drops just below the top
 * two, clips a followed stream's spike with the operator's clipping account into the public feed, and leaves
 * everything once stopped.
 */
@ResourceLock(IntegrationTest.PUBLIC_CLIPS)
class TopStreamsWatchTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String GAME = "990777";

    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private JsonMapper json;

    @Test
    void followsTheTopStreamsOfACategoryAndClipsThemIntoThePublicFeed() {
        as(twitchUser("top_clipper")).get().uri("/api/me").exchange().expectStatus().isOk();
        live("top_alpha", 1000);
        live("top_bravo", 500);
        live("top_charlie", 100);
        try {
            operator().put().uri("/api/admin/top-streams")
                    .bodyValue(Map.of("streams", 2, "gameIds", List.of(GAME), "clipper", "Top_Clipper")).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.watch.streams").isEqualTo(2)
                    .jsonPath("$.watch.clipperLogin").isEqualTo("top_clipper");
            awaitFollowing("top_alpha", "top_bravo");
            await().atMost(WAIT).until(() -> sim.chat().viewersConnected("top_alpha") == 1
                    && sim.chat().viewersConnected("top_bravo") == 1);
            assertThat(sim.chat().viewersConnected("top_charlie")).isZero();

            sim.world().goOffline("top_bravo");
            awaitFollowing("top_alpha", "top_charlie");
            await().atMost(WAIT).until(() -> sim.chat().viewersConnected("top_bravo") == 0);

            live("top_delta", 800); // charlie drops to third, within the band kept: it stays
            awaitFollowing("top_alpha", "top_charlie", "top_delta");

            String alpha = sim.world().user("top_alpha").id();
            Instant now = Instant.now();
            kafka.send(Topics.CHAT_SPIKES.name(), alpha, json.writeValueAsString(new ChatSpike(
                    ChatSpike.SCHEMA_VERSION, alpha, now.minusSeconds(5), now, 300, 20, 4, 32, 10, 30.0)));
            await().atMost(Duration.ofSeconds(60)).until(() -> feed(now.minusSeconds(1)).stream()
                    .anyMatch(clip -> alpha.equals(clip.get("broadcaster_id"))));
            assertThat(sim.clips().all()).filteredOn(made -> made.stream().broadcaster().id().equals(alpha))
                    .singleElement().satisfies(made -> assertThat(made.creator().login()).isEqualTo("top_clipper"));

            operator().delete().uri("/api/admin/top-streams").exchange().expectStatus().isNoContent();
            awaitFollowing();
            await().atMost(WAIT).until(() -> sim.chat().viewersConnected("top_alpha") == 0);
            operator().delete().uri("/api/admin/top-streams").exchange().expectStatus().isNoContent();
        } finally {
            List.of("top_alpha", "top_charlie", "top_delta").forEach(sim.world()::goOffline);
        }
    }

    @Test
    void onlyOperatorsWatchAndBadSettingsAreProblems() {
        as(twitchUser("top_viewer")).get().uri("/api/admin/top-streams").exchange().expectStatus().isForbidden();
        operator().put().uri("/api/admin/top-streams").bodyValue(Map.of("streams", 5)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                .isEqualTo("streams and clipper are required");
        operator().put().uri("/api/admin/top-streams").bodyValue(Map.of("streams", 5, "clipper", "nobody_here"))
                .exchange().expectStatus().isEqualTo(409).expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(twitchUser("top_bad_clipper")).get().uri("/api/me").exchange().expectStatus().isOk();
        operator().put().uri("/api/admin/top-streams")
                .bodyValue(Map.of("streams", 500, "clipper", "top_bad_clipper")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
                .isEqualTo("streams must be between 1 and 100");
        operator().put().uri("/api/admin/top-streams").bodyValue(Map.of("streams", 5, "clipper", "top_bad_clipper",
                "languages", List.of("english"))).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").isEqualTo("languages must be two-letter language codes, such as en, or other, "
                        + "not 'english'");
        operator().get().uri("/api/admin/top-streams").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.following").isArray();
    }

    private void live(String login, int viewers) {
        sim.world().goLive(login, sim.world().game(GAME, "Top Test"), "Racing for the top", viewers);
    }

    private void awaitFollowing(String... logins) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(operator().get().uri("/api/admin/top-streams").exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody().get("following"))
                .asInstanceOf(InstanceOfAssertFactories.list(Map.class))
                .extracting(channel -> channel.get("login")).containsExactlyInAnyOrder((Object[]) logins));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> feed(Instant since) {
        return (List<Map<String, Object>>) anonymous().get().uri("/v1.0/clip?min_intensity=0&start={start}", since)
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody().get("clips");
    }
}
