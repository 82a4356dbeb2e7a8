package dev.stagehand.gateway.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.stagehand.api.analytics.ChatStats;
import dev.stagehand.gateway.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Chat of a subscribed channel is counted by the analytics stream and served per window. */
class ChannelStatsTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private Scheduler scheduler;
    @Autowired
    private RecurringTask<Void> chatStatsRetentionTask;

    @Test
    void theCountsMatchWhatTheSimulatorSentWithTopEmotesAndChatters() {
        String channelId = sim.world().user("stats_one").id();
        sim.world().goLive("stats_one", sim.world().game("509658", "Just Chatting"), "Counting", 7);
        WebTestClient streamer = as(twitchUser("stats_owner"));
        streamer.post().uri("/api/channels").bodyValue(Map.of("channel", "stats_one")).exchange()
                .expectStatus().isCreated();
        await().atMost(WAIT).until(() -> sim.chat().viewersConnected("stats_one") == 1);
        Instant from = Instant.now().minus(Duration.ofMinutes(10));

        for (int i = 0; i < 30; i++) {
            sim.chat().say("stats_one", i % 3 == 0 ? "loud_larry" : "quiet_quinn_" + i, "Kappa number " + i + " Kappa");
        }
        sim.chat().subscribe("stats_one", "fan", 3, "not a chat message");

        await().atMost(WAIT).until(() -> total(streamer, channelId, "1m", from) == 30
                && total(streamer, channelId, "10m", from) == 30);
        List<ChatStats> minutes = series(streamer, channelId, "1m", from);
        ChatStats busiest = minutes.stream().max(java.util.Comparator.comparingLong(ChatStats::messageCount))
                .orElseThrow();
        assertThat(busiest.topChatters().get(0).login()).isEqualTo("loud_larry");
        assertThat(busiest.topEmotes().get(0).code()).isEqualTo("Kappa");

        // the original stats API's contract, by id and by login: a ten-minute window, times in epoch seconds
        for (String idOrLogin : List.of(channelId, "stats_one", "Stats_One")) {
            streamer.get().uri("/api/channels/{id}/stats", idOrLogin).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.channel_id").isEqualTo(channelId)
                    .jsonPath("$.channel_login").isEqualTo("stats_one")
                    .jsonPath("$.message_count").isNumber()
                    .jsonPath("$.current_window.start").value(Number.class, start -> assertThat(start.longValue())
                            .isGreaterThanOrEqualTo(from.getEpochSecond()).isEqualTo(start.longValue() / 600 * 600))
                    .jsonPath("$.current_window.end").isNumber()
                    .jsonPath("$.current_window.duration_seconds").isEqualTo(600)
                    .jsonPath("$.last_updated").isNumber()
                    .jsonPath("$.top_emotes").isArray()
                    .jsonPath("$.messages_per_second").isNumber()
                    .jsonPath("$.minute_window.window.duration_seconds").isEqualTo(60);
        }
        // the live stream's figures, once the stream watcher saw it live
        await().atMost(WAIT).untilAsserted(() -> streamer.get().uri("/api/channels/{id}/stats", channelId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.current_stream.started_at").isNumber()
                .jsonPath("$.current_stream.message_count").isEqualTo(30)
                .jsonPath("$.current_stream.top_chatters[0].login").isEqualTo("loud_larry")
                .jsonPath("$.current_stream.top_chatters[0].count").isEqualTo(10)
                .jsonPath("$.current_stream.top_emotes[0].code").isEqualTo("Kappa"));
        sim.world().goOffline("stats_one");
    }

    @Test
    void badSeriesAreRefusedAndOnlySubscribersSeeStats() {
        String channelId = sim.world().user("stats_two").id();
        WebTestClient streamer = as(twitchUser("stats_owner_two"));
        streamer.post().uri("/api/channels").bodyValue(Map.of("channel", "stats_two")).exchange()
                .expectStatus().isCreated();
        for (String bad : List.of("window=5m", "from=soon", "from=2026-12-03T10:00:00Z&to=2026-12-03T09:00:00Z",
                "from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z")) {
            streamer.get().uri("/api/channels/" + channelId + "/stats/series?" + bad).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        // nothing counted in the channel yet: a problem document, not a window of zeros
        streamer.get().uri("/api/channels/{id}/stats", "stats_two").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .startsWith("There are no chat statistics of stats_two yet"));
        as(twitchUser("stats_stranger")).get().uri("/api/channels/{id}/stats", channelId).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aBroadcasterMayLetAnyoneReadTheirChannelsStats() {
        String channelId = sim.world().user("stats_public").id();
        WebTestClient broadcaster = as(twitchUser("stats_public"));
        broadcaster.post().uri("/api/channels").bodyValue(Map.of("channel", "stats_public")).exchange()
                .expectStatus().isCreated();
        await().atMost(WAIT).until(() -> sim.chat().viewersConnected("stats_public") == 1);
        sim.chat().say("stats_public", "viewer", "count me Kappa");
        await().atMost(WAIT).until(() -> broadcaster.get().uri("/api/channels/{id}/stats", channelId).exchange()
                .returnResult(String.class).getStatus().value() == 200);
        anonymous().get().uri("/api/channels/{id}/stats", "stats_public").exchange().expectStatus().isUnauthorized();
        WebTestClient stranger = as(twitchUser("stats_public_fan"));
        stranger.get().uri("/api/channels/{id}/stats", "stats_public").exchange().expectStatus().isNotFound();

        broadcaster.put().uri("/api/channels/{id}/highlights", channelId)
                .bodyValue(Map.of("othersMayClip", true, "publicClips", false, "publicStats", true)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.publicStats").isEqualTo(true);
        for (WebTestClient anyone : List.of(anonymous(), stranger)) {
            anyone.get().uri("/api/channels/{id}/stats", "stats_public").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.channel_id").isEqualTo(channelId);
            anyone.get().uri("/api/channels/{id}/stats/series?window=1m", channelId).exchange().expectStatus().isOk();
        }
        // A bad token is refused even where no login is needed.
        anonymous().get().uri("/api/channels/{id}/stats", "stats_public")
                .header("Authorization", "Bearer sht_not-a-token").exchange().expectStatus().isUnauthorized();
        // Leaving out publicStats keeps it; saying false takes it back.
        broadcaster.put().uri("/api/channels/{id}/highlights", channelId)
                .bodyValue(Map.of("othersMayClip", false, "publicClips", false)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.publicStats").isEqualTo(true);
        broadcaster.put().uri("/api/channels/{id}/highlights", channelId)
                .bodyValue(Map.of("othersMayClip", true, "publicClips", false, "publicStats", false)).exchange()
                .expectStatus().isOk();
        anonymous().get().uri("/api/channels/{id}/stats", "stats_public").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void windowsOlderThanTheHistoryRetentionAreDeleted() {
        jdbc.sql("""
                    INSERT INTO chat_stats_view (channel_id, window_seconds, window_start, message_count,
                                                 unique_chatters, stats, last_updated)
                    VALUES ('old', 60, :start, 1, 1, '{}', :start)""")
            .param("start", Timestamp.from(Instant.now().minus(Duration.ofDays(40)))).update();

        scheduler.reschedule(chatStatsRetentionTask.instance(RecurringTask.INSTANCE), Instant.now());

        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM chat_stats_view WHERE channel_id = 'old'")
                .query(Long.class).single() == 0);
    }

    private long total(WebTestClient client, String channelId, String window, Instant from) {
        return series(client, channelId, window, from).stream().mapToLong(ChatStats::messageCount).sum();
    }

    private List<ChatStats> series(WebTestClient client, String channelId, String window, Instant from) {
        return client.get().uri("/api/channels/" + channelId + "/stats/series?window=" + window + "&from=" + from)
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<ChatStats>>() { }).returnResult().getResponseBody();
    }
}
