package dev.stagehand.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.stream.FindLiveStreams;
import dev.stagehand.api.stream.StreamKey;
import dev.stagehand.api.stream.StreamView;
import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.sagas.stream.EventSubWebhooks;
import dev.stagehand.twitchsim.discord.SimWebhook;
import dev.stagehand.twitchsim.world.SimGame;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Watched streamers and games seen going live, changing and ending, as one stream each despite flapping and duplicate
 * signals: by Helix polling alone, by EventSub webhooks, and by the EventSub socket of a streamer who logged in.
 *
 * Isolated: it fails every {@code /helix/streams} poll for a while, which would hide the streams the tests beside it
 * wait for.
 */
@Isolated
class StreamWatchTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    private QueryGateway queries;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private EventSubWebhooks webhooks;

    /** A Stagehand webhook and its Discord side. */
    private record Watch(String webhookId, SimWebhook discord) {
    }

    private Watch watch(WebTestClient admin, Map<String, String> target) {
        SimWebhook discord = sim.discord().createWebhook("w");
        String webhook = (String) admin.post().uri("/api/webhooks")
                .bodyValue(Map.of("name", "Watch", "url", discord.url(sim.discordUrl())))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("id");
        admin.post().uri("/api/webhooks/{id}/subscriptions", webhook).bodyValue(target).exchange()
                .expectStatus().isCreated();
        return new Watch(webhook, discord);
    }

    private long announcements(Watch watch) {
        return sim.discord().deliveriesTo(watch.discord().id()).stream().filter(post -> post.method().equals("POST")).count();
    }

    private Optional<StreamView> live(String broadcasterId) {
        return queries.query(new FindLiveStreams(), ResponseTypes.multipleInstancesOf(StreamView.class)).join()
                .stream().filter(stream -> stream.broadcasterId().equals(broadcasterId)).findFirst();
    }

    /** Which watcher recorded each event of this type, oldest first. */
    private List<String> sources(String type, String broadcasterId) {
        return jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = :id AND payload_type = :type ORDER BY sequence_number""")
                .param("id", StreamKey.of(broadcasterId)).param("type", "dev.stagehand.api.stream." + type)
                .query(String.class).list().stream()
                .map(payload -> payload.replaceAll(".*\"source\":\"([A-Z_]+)\".*", "$1")).toList();
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
        sim.eventSub().outage("websocket", "webhook");
        try {
            pollingAlone(id, chatting, chess);
        } finally {
            sim.eventSub().outage();
        }
        assertThat(sources("StreamWentLive", id)).containsExactly("POLLING");
        sim.world().goOffline("watched_streamer");
    }

    private void pollingAlone(String id, SimGame chatting, SimGame chess) {
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
    }

    @Test
    void aWatchedStreamerIsAnnouncedOnceThroughEventSubWebhooksWhilePollingCannotSeeThemAndTwitchSendsTwiceOrRevokes() {
        WebTestClient admin = as(discordUser("hooked_admin"));
        String id = sim.world().user("hooked_streamer").id();
        Watch watch = watch(admin, Map.of("streamer", "hooked_streamer"));
        await().atMost(WAIT).until(() -> sim.eventSub().subscriptionsTo(id).containsAll(List.of(
                "webhook stream.offline enabled", "webhook stream.online enabled")));
        sim.faults().failNext("/helix/streams", 503, 1_000_000);
        sim.eventSub().duplicateWebhookNotifications(true);
        try {
            sim.world().goLive("hooked_streamer", sim.world().game("743", "Chess"), "Announced by EventSub", 3);
            await().atMost(WAIT).until(() -> announcements(watch) == 1);
            await().atMost(WAIT).until(() -> live(id).map(stream -> "Chess".equals(stream.info().gameName()))
                    .orElse(false));
            sim.world().goOffline("hooked_streamer");
            await().atMost(WAIT).until(() -> live(id).isEmpty());
        } finally {
            sim.faults().clear("/helix/streams");
            sim.eventSub().duplicateWebhookNotifications(false);
        }
        assertThat(sources("StreamWentLive", id)).containsExactly("EVENTSUB_WEBHOOK");
        assertThat(sources("StreamWentOffline", id)).containsExactly("EVENTSUB_WEBHOOK");
        assertThat(announcements(watch)).isEqualTo(1);

        sim.eventSub().revokeWebhooks(id, "authorization_revoked");
        await().atMost(WAIT).until(() -> sim.eventSub().subscriptionsTo(id).equals(List.of(
                "webhook stream.offline enabled", "webhook stream.online enabled")));

        admin.delete().uri("/api/webhooks/{id}", watch.webhookId()).exchange().expectStatus().isNoContent();
        await().atMost(WAIT).until(() -> sim.eventSub().subscriptionsTo(id).isEmpty());
    }

    @Test
    void aStreamerWhoLoggedInIsFollowedThroughTheirOwnEventSubSocket() {
        String id = sim.world().user("socket_streamer").id();
        twitchUser("socket_streamer");
        Watch watch = watch(as(discordUser("socket_admin")), Map.of("streamer", "socket_streamer"));
        await().atMost(WAIT).until(() -> sim.eventSub().subscriptionsTo(id).containsAll(List.of(
                "websocket stream.offline enabled", "websocket stream.online enabled")));
        sim.eventSub().outage("webhook");
        sim.faults().failNext("/helix/streams", 503, 1_000_000);
        try {
            sim.world().goLive("socket_streamer", sim.world().game("743", "Chess"), "Announced by my socket", 3);
            await().atMost(WAIT).until(() -> announcements(watch) == 1);
            sim.world().goOffline("socket_streamer");
            await().atMost(WAIT).until(() -> live(id).isEmpty());
        } finally {
            sim.faults().clear("/helix/streams");
            sim.eventSub().outage();
        }
        assertThat(sources("StreamWentLive", id)).containsExactly("EVENTSUB_WEBSOCKET");
        assertThat(sources("StreamWentOffline", id)).containsExactly("EVENTSUB_WEBSOCKET");
    }

    @Test
    void theEventSubCallbackRefusesWhatTwitchDidNotSignAndAnswersItsChallenge() {
        String challenge = "{\"challenge\":\"pogchamp-kappa\",\"subscription\":{\"id\":\"f1c2\","
                + "\"status\":\"webhook_callback_verification_pending\",\"type\":\"stream.online\","
                + "\"version\":\"1\",\"condition\":{\"broadcaster_user_id\":\"12826\"},"
                + "\"transport\":{\"method\":\"webhook\",\"callback\":\"https://example.com\"},"
                + "\"created_at\":\"2026-12-02T00:00:00Z\",\"cost\":1}}";
        String now = Instant.now().toString();
        callback("m1", now, sign("m1", now, challenge, webhooks.secret()), challenge).expectStatus().isOk()
                .expectBody(String.class).isEqualTo("pogchamp-kappa");
        callback("m2", now, sign("m2", now, challenge, "not-our-secret"), challenge).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        String old = Instant.now().minus(Duration.ofMinutes(11)).toString();
        callback("m3", old, sign("m3", old, challenge, webhooks.secret()), challenge).expectStatus().isForbidden();
        anonymous().post().uri("/eventsub/callback").bodyValue(challenge).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec callback(String messageId, String timestamp, String signature, String body) {
        return anonymous().post().uri("/eventsub/callback")
                .header("Twitch-Eventsub-Message-Id", messageId)
                .header("Twitch-Eventsub-Message-Timestamp", timestamp)
                .header("Twitch-Eventsub-Message-Signature", signature)
                .header("Twitch-Eventsub-Message-Type", "webhook_callback_verification")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static String sign(String messageId, String timestamp, String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((messageId + timestamp + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
