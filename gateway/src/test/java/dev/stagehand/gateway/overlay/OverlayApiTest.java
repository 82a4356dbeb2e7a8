package dev.stagehand.gateway.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.IntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Overlays through the API and their WebSocket: only their channel's chat, in order, live settings, revocable URLs. */
class OverlayApiTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final JsonMapper json = JsonMapper.builder().build();

    /** A browser source: every frame it got, and how its socket closed. */
    private final class Source {
        final List<JsonNode> frames = new CopyOnWriteArrayList<>();
        final AtomicInteger closeCode = new AtomicInteger();
        final Disposable connection;

        Source(String url) {
            URI socket = URI.create(url.replace("http://", "ws://").replace("/overlay/", "/ws/overlay/"));
            connection = new ReactorNettyWebSocketClient().execute(socket, session -> session.receive()
                            .map(WebSocketMessage::getPayloadAsText)
                            .doOnNext(text -> frames.add(json.readTree(text)))
                            .then(session.closeStatus().doOnNext(status -> closeCode.set(status.getCode())).then()))
                    .subscribe();
        }

        List<String> chatTexts() {
            return frames.stream().filter(frame -> frame.path("type").asString().equals("chat"))
                    .map(frame -> frame.path("chat").path("text").asString()).toList();
        }

        JsonNode lastSettings() {
            return frames.stream().filter(frame -> frame.path("type").asString().equals("settings"))
                    .reduce((first, second) -> second).orElseThrow();
        }

        long settingsFrames() {
            return frames.stream().filter(frame -> frame.path("type").asString().equals("settings")).count();
        }

        /** Waits for the {@code n}th settings frame; a timeout says what did arrive and how the socket closed. */
        void awaitSettingsFrames(long n) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(settingsFrames())
                    .as("settings frames; close code %d; frames %s", closeCode.get(), frames).isEqualTo(n));
        }
    }

    private static Map<String, Object> settings(String template) {
        return Map.of("theme", "classic", "template", template, "css", "", "fadeSeconds", 0, "maxLines", 5,
                "hideBots", true, "hideCommands", true, "delaySeconds", 0);
    }

    private Map<?, ?> overlayFor(WebTestClient streamer, String channel) {
        String channelId = sim.world().user(channel).id();
        streamer.post().uri("/api/channels").bodyValue(Map.of("channel", channel)).exchange()
                .expectStatus().isCreated();
        await().atMost(WAIT).until(() -> sim.chat().viewersConnected(channel) == 1);
        return streamer.post().uri("/api/overlays").bodyValue(Map.of("name", "Scene", "channelId", channelId))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void anOverlayStreamsOnlyItsChannelInOrderAndFollowsSettingChanges() {
        WebTestClient streamer = as(twitchUser("overlay_api_streamer"));
        Map<?, ?> overlay = overlayFor(streamer, "overlay_api_main");
        overlayFor(streamer, "overlay_api_other");
        Source source = new Source((String) overlay.get("url"));
        source.awaitSettingsFrames(1);

        for (int i = 1; i <= 20; i++) {
            sim.chat().say("overlay_api_main", "viewer", "line " + i);
            sim.chat().say("overlay_api_other", "viewer", "elsewhere " + i);
        }
        await().atMost(WAIT).until(() -> source.chatTexts().size() >= 20);
        assertThat(source.chatTexts()).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "line " + i).toList());

        streamer.put().uri("/api/overlays/{id}", overlay.get("id"))
                .bodyValue(Map.of("name", "Scene", "settings", Map.of("theme", "bubbles", "template", "",
                        "css", ".name{color:gold}", "fadeSeconds", 10, "maxLines", 5, "hideBots", true,
                        "hideCommands", false, "delaySeconds", 2)))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        source.awaitSettingsFrames(2);
        assertThat(source.frames.stream().filter(frame -> frame.path("type").asString().equals("settings"))
                .reduce((first, second) -> second).orElseThrow().path("settings").path("theme").asString())
                .isEqualTo("bubbles");
        streamer.get().uri("/api/overlays/{id}/versions", overlay.get("id")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].version").isEqualTo(2)
                .jsonPath("$[0].settings.theme").isEqualTo("bubbles")
                .jsonPath("$[1].settings.theme").isEqualTo("classic");
        streamer.post().uri("/api/overlays/{id}/versions/1/restore", overlay.get("id")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.version").isEqualTo(3)
                .jsonPath("$.settings.theme").isEqualTo("classic");
        source.awaitSettingsFrames(3);
        streamer.post().uri("/api/overlays/{id}/versions/9/restore", overlay.get("id")).exchange()
                .expectStatus().isNotFound();
        source.connection.dispose();
    }

    @Test
    void timeTravelReplaysAStretchOfStoredChatInOrderAndEnds() throws InterruptedException {
        WebTestClient streamer = as(twitchUser("overlay_replay_streamer"));
        Map<?, ?> overlay = overlayFor(streamer, "overlay_replay");
        String channelId = sim.world().user("overlay_replay").id();
        Instant began = sim.world().now().minusSeconds(1);
        for (int i = 1; i <= 10; i++) {
            sim.chat().say("overlay_replay", "viewer", "then " + i);
            Thread.sleep(100);
        }
        await().atMost(WAIT).until(() -> streamer.get().uri("/api/channels/{id}/messages", channelId).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("messages") instanceof List<?> stored
                && stored.size() == 10);
        Instant ended = sim.world().now();
        Thread.sleep(5);
        sim.chat().say("overlay_replay", "viewer", "after the stretch, not replayed");

        String url = overlay.get("url") + "?from=" + began + "&to=" + ended + "&speed=10";
        Source replay = new Source(url);
        await().atMost(WAIT).until(() -> replay.frames.stream()
                .anyMatch(frame -> frame.path("type").asString().equals("replay-ended")));
        assertThat(replay.chatTexts()).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> "then " + i).toList());
        assertThat(replay.frames.get(replay.frames.size() - 1).path("type").asString()).isEqualTo("replay-ended");
        assertThat(replay.closeCode.get()).isZero();
        replay.connection.dispose();

        for (String wrong : List.of("?from=yesterday", "?from=" + began + "&speed=11",
                "?from=" + began + "&to=" + began.minusSeconds(60), "?from=" + Instant.now().plusSeconds(60),
                "?from=" + began.minus(Duration.ofDays(2)) + "&to=" + began)) {
            Source refused = new Source(overlay.get("url") + wrong);
            await().atMost(WAIT).until(() -> refused.closeCode.get() == 4400);
            assertThat(refused.frames).isEmpty();
        }
    }

    @Test
    void aFreshSourceGetsTheRecentMessagesAndARotatedUrlClosesAtOnce() {
        WebTestClient streamer = as(twitchUser("overlay_rotating_streamer"));
        Map<?, ?> overlay = overlayFor(streamer, "overlay_api_rotating");
        Source first = new Source((String) overlay.get("url"));
        first.awaitSettingsFrames(1);
        sim.chat().say("overlay_api_rotating", "viewer", "said before the second source opened");
        await().atMost(WAIT).until(() -> first.chatTexts().size() == 1);

        Source late = new Source((String) overlay.get("url"));
        await().atMost(WAIT).until(() -> late.chatTexts().contains("said before the second source opened"));

        Map<?, ?> rotated = streamer.post().uri("/api/overlays/{id}/token", overlay.get("id")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(rotated.get("url")).isNotEqualTo(overlay.get("url"));
        await().atMost(WAIT).until(() -> first.closeCode.get() == 4001 && late.closeCode.get() == 4001);

        Source stale = new Source((String) overlay.get("url"));
        await().atMost(WAIT).until(() -> stale.closeCode.get() == 4404);
        Source renewed = new Source((String) rotated.get("url"));
        renewed.awaitSettingsFrames(1);
        renewed.connection.dispose();
    }

    @Test
    void aBadgeTheStreamerAddsReachesTheOpenOverlayWhenTheChannelsEmotesAreRefreshed() {
        WebTestClient streamer = as(twitchUser("badge_streamer"));
        Map<?, ?> overlay = overlayFor(streamer, "badge_channel");
        String channelId = sim.world().user("badge_channel").id();
        Source source = new Source((String) overlay.get("url"));
        await().atMost(WAIT).until(() -> source.settingsFrames() > 0
                && source.lastSettings().path("badgeImages").has("subscriber/12"));
        assertThat(source.lastSettings().path("badgeImages").has("moderator/1")).isTrue();

        sim.badges().addChannelBadge(channelId, "subscriber/48");
        streamer.post().uri("/api/channels/{id}/emotes/refresh", channelId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.badges['subscriber/48']").exists();
        await().atMost(WAIT).until(() -> source.lastSettings().path("badgeImages").has("subscriber/48"));
        streamer.get().uri("/api/channels/{id}/emotes", channelId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.emoteSets[?(@.provider == 'SEVENTV')].emotes").exists();
        source.connection.dispose();
    }

    @Test
    void theOverlayPageRunsOnlyStagehandsScript() {
        WebTestClient streamer = as(twitchUser("overlay_page_streamer"));
        Map<?, ?> overlay = overlayFor(streamer, "overlay_api_page");
        String path = URI.create((String) overlay.get("url")).getPath();
        anonymous().get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("Content-Security-Policy", ".*script-src 'self';.*")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("X-Frame-Options", "SAMEORIGIN")
                .expectHeader().valueMatches("Content-Security-Policy", ".*frame-ancestors 'self'.*");
    }

    @Test
    void badOverlaysAreRefusedAndOthersOverlaysAreNotFound() {
        WebTestClient owner = as(twitchUser("overlay_owner"));
        Map<?, ?> overlay = overlayFor(owner, "overlay_api_owned");
        WebTestClient stranger = as(twitchUser("overlay_stranger"));

        stranger.get().uri("/api/overlays/{id}", overlay.get("id")).exchange().expectStatus().isNotFound();
        stranger.put().uri("/api/overlays/{id}", overlay.get("id"))
                .bodyValue(Map.of("name", "Mine", "settings", settings("")))
                .exchange().expectStatus().isNotFound();
        stranger.post().uri("/api/overlays/{id}/token", overlay.get("id")).exchange().expectStatus().isNotFound();
        stranger.delete().uri("/api/overlays/{id}", overlay.get("id")).exchange().expectStatus().isNotFound();
        stranger.post().uri("/api/overlays").bodyValue(Map.of("name", "Spy", "channelId",
                        sim.world().user("overlay_api_owned").id())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail")
                .isEqualTo("Subscribe the channel first: an overlay shows a channel you subscribe");

        owner.put().uri("/api/overlays/{id}", overlay.get("id"))
                .bodyValue(Map.of("name", "Scene", "settings", settings("<b>{{displayName</b>")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail")
                .isEqualTo("The template has an unclosed placeholder near '{{displayName</b>'");
        owner.put().uri("/api/overlays/{id}", overlay.get("id"))
                .bodyValue(Map.of("name", "Scene", "settings", settings("x".repeat(70_000))))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("The template is over 64 KB");

        owner.delete().uri("/api/overlays/{id}", overlay.get("id")).exchange().expectStatus().isNoContent();
        owner.get().uri("/api/overlays/{id}", overlay.get("id")).exchange().expectStatus().isNotFound();
        Source gone = new Source((String) overlay.get("url"));
        await().atMost(WAIT).until(() -> gone.closeCode.get() == 4404);
    }
}
