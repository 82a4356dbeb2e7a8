package dev.stagehand.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.stream.FindLiveStreams;
import dev.stagehand.api.stream.StreamKey;
import dev.stagehand.api.stream.StreamView;
import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.twitchsim.world.SimGame;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Helix polling sees watched streamers and games go live, change and end, as one stream each despite flapping. */
class StreamWatchTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    private QueryGateway queries;
    @Autowired
    private JdbcClient jdbc;

    private String watch(WebTestClient admin, Map<String, String> target) {
        String webhook = (String) admin.post().uri("/api/webhooks")
                .bodyValue(Map.of("name", "Watch", "url", sim.discord().createWebhook("w").url(sim.discordUrl())))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("id");
        admin.post().uri("/api/webhooks/{id}/subscriptions", webhook).bodyValue(target).exchange()
                .expectStatus().isCreated();
        return webhook;
    }

    private Optional<StreamView> live(String broadcasterId) {
        return queries.query(new FindLiveStreams(), ResponseTypes.multipleInstancesOf(StreamView.class)).join()
                .stream().filter(stream -> stream.broadcasterId().equals(broadcasterId)).findFirst();
    }

    private long events(String type, String broadcasterId) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE aggregate_identifier = :id AND payload_type = :type""")
                .param("id", StreamKey.of(broadcasterId)).param("type", "dev.stagehand.api.stream." + type)
                .query(Long.class).single();
    }

    @Test
    void aWatchedStreamerGoingLiveChangingAndEndingIsSeenByPollingAloneAndAFlapIsOneStream() {
        WebTestClient admin = as(discordUser("watching_admin"));
        String id = sim.world().user("watched_streamer").id();
        watch(admin, Map.of("streamer", "watched_streamer"));
        SimGame chatting = sim.world().game("509658", "Just Chatting");
        SimGame chess = sim.world().game("743", "Chess");

        sim.world().goLive("watched_streamer", chatting, "Good morning", 10);
        await().atMost(WAIT).until(() -> live(id).isPresent());
        assertThat(live(id).orElseThrow().info().title()).isEqualTo("Good morning");

        sim.world().goLive("watched_streamer", chess, "Good morning", 15);
        await().atMost(WAIT).until(() -> live(id).map(stream -> "Chess".equals(stream.info().gameName()))
                .orElse(false));

        sim.world().goOffline("watched_streamer");
        await().atMost(WAIT).until(() -> live(id).isEmpty());
        sim.world().goLive("watched_streamer", chess, "Sorry, my internet dropped", 12);
        await().atMost(WAIT).until(() -> live(id).isPresent());

        assertThat(events("StreamWentLive", id)).isEqualTo(1);
        assertThat(events("StreamUpdated", id)).isEqualTo(1);
        assertThat(events("StreamWentOffline", id)).isEqualTo(1);
        assertThat(events("StreamResumed", id)).isEqualTo(1);
        sim.world().goOffline("watched_streamer");
    }

    @Test
    void aGameWatchSeesEveryStreamAcrossPagesAndOneLeavingTheGameStaysLive() {
        WebTestClient admin = as(discordUser("game_admin"));
        SimGame game = sim.world().game("990001", "Paging Simulator");
        SimGame other = sim.world().game("990002", "Something Unwatched");
        watch(admin, Map.of("game", "Paging Simulator"));
        List<String> logins = java.util.stream.IntStream.range(0, 250).mapToObj(i -> "pager_" + i).toList();
        logins.forEach(login -> sim.world().goLive(login, game, "Stream " + login, 1));

        await().atMost(WAIT).until(() -> logins.stream().allMatch(login -> live(sim.world().user(login).id())
                .isPresent()));

        String switcher = sim.world().user("pager_7").id();
        sim.world().goLive("pager_7", other, "Stream pager_7", 1);
        await().atMost(WAIT).until(() -> live(switcher).map(stream -> stream.info().gameId().equals("990002"))
                .orElse(false));
        logins.forEach(login -> sim.world().goOffline(login));
        await().atMost(WAIT).until(() -> logins.stream().noneMatch(login -> live(sim.world().user(login).id())
                .isPresent()));
    }
}
