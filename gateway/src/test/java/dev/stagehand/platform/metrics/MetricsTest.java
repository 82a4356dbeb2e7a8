package dev.stagehand.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.gateway.WebUser;
import dev.stagehand.twitchsim.discord.SimWebhook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Prometheus reads Stagehand's own meters with its token; nobody else but an operator may. A go-live shows what was
 * asked of Twitch and Discord, by endpoint and status.
 */
class MetricsTest extends IntegrationTest {

    /**
     * Meters that exist once there is traffic of their kind (chat read, a room message styled, an overlay fed, a call
     * to Twitch or Discord, a clip asked for).
     */
    private static final Set<String> TRAFFIC_ONLY = Set.of("stagehand_chat_messages_in",
            "stagehand_rooms_styling_seconds", "stagehand_chat_messages_out", "stagehand_outbound_requests_seconds",
            "stagehand_outbound_ratelimit_remaining");

    @Test
    void prometheusReadsStagehandsMetersWithItsToken() {
        WebUser streamer = twitchUser("metrics_streamer");
        String channelId = sim.world().user("metrics_channel").id();
        as(streamer).post().uri("/api/channels").bodyValue(Map.of("channel", "metrics_channel")).exchange()
                .expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(30)).until(() -> sim.chat().viewersConnected("metrics_channel") == 1);
        sim.chat().say("metrics_channel", "viewer", "count me in");

        await().atMost(Duration.ofSeconds(30)).until(() -> scrape().lines()
                .anyMatch(line -> line.startsWith("stagehand_chat_messages_in_total{")
                        && line.contains("channel=\"" + channelId + "\"")));
        assertThat(scrape()).contains(
                "stagehand_websocket_connections{application=\"stagehand\",kind=\"overlay\"}",
                "stagehand_websocket_connections{application=\"stagehand\",kind=\"room\"}",
                "stagehand_websocket_cap{application=\"stagehand\"}",
                "process_files_open_files{application=\"stagehand\"}",
                "stagehand_processor_lag{application=\"stagehand\",processor=\"accounts\"}",
                "stagehand_processor_dead_letters{application=\"stagehand\",processor=\"webhooks\"}",
                "stagehand_clips_total{application=\"stagehand\",outcome=\"created\"}",
                "stagehand_notifications_attempts_total{application=\"stagehand\",outcome=\"retried\"}",
                "stagehand_notifications_latency_seconds_count",
                "kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void aGoLiveShowsTheCallsToTwitchAndDiscord() {
        WebTestClient admin = as(discordUser("metrics_admin"));
        sim.world().user("metrics_live");
        SimWebhook discord = sim.discord().createWebhook("metrics");
        String id = (String) admin.post().uri("/api/webhooks")
                .bodyValue(Map.of("name", "Metrics", "url", discord.url(sim.discordUrl()))).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        admin.post().uri("/api/webhooks/{id}/subscriptions", id).bodyValue(Map.of("streamer", "metrics_live"))
                .exchange().expectStatus().isCreated();

        sim.world().goLive("metrics_live", sim.world().game("509658", "Just Chatting"), "Counted", 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> !sim.discord().deliveriesTo(discord.id()).isEmpty());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(scrape()).contains(
                "stagehand_outbound_requests_seconds_count{application=\"stagehand\",endpoint=\"GET /streams\","
                        + "service=\"twitch-helix\",status=\"2xx\"}",
                "stagehand_outbound_requests_seconds_count{application=\"stagehand\",endpoint=\"GET /users\","
                        + "service=\"twitch-helix\",status=\"2xx\"}",
                "stagehand_outbound_requests_seconds_count{application=\"stagehand\","
                        + "endpoint=\"GET /webhooks/{id}/{token}\",service=\"discord\",status=\"200\"}",
                "stagehand_outbound_requests_seconds_count{application=\"stagehand\","
                        + "endpoint=\"POST /webhooks/{id}/{token}\",service=\"discord\",status=\"200\"}",
                "stagehand_outbound_requests_seconds_bucket{",
                "stagehand_streams_watched{application=\"stagehand\",kind=\"streamer\"}",
                "stagehand_streams_live{application=\"stagehand\"}",
                "stagehand_twitch_eventsub_subscriptions{application=\"stagehand\",transport=\"webhook\"}",
                "stagehand_twitch_eventsub_cost_max{application=\"stagehand\"}",
                "stagehand_twitch_eventsub_sockets{application=\"stagehand\"}",
                "stagehand_highlights_spikes_total{application=\"stagehand\"}",
                "stagehand_chat_connections{application=\"stagehand\",state=\"connected\"}"));
    }

    @Test
    void everyStagehandMeterOnTheGrafanaDashboardAndInTheAlertRulesIsServed() throws IOException {
        String dashboard = Files.readString(Path.of("..", "deploy", "grafana", "dashboards", "stagehand.json"))
                + Files.readString(Path.of("..", "deploy", "prometheus-alerts.yml"));
        Matcher meter = Pattern.compile("(stagehand_[a-z_]+?)(_bucket|_count|_total)?\\b").matcher(dashboard);
        Set<String> asked = new TreeSet<>();
        while (meter.find()) {
            asked.add(meter.group(1));
        }
        String scraped = scrape();
        assertThat(asked).isNotEmpty().allSatisfy(name -> assertThat(TRAFFIC_ONLY.contains(name)
                || scraped.contains("\n" + name)).as(name + " is served").isTrue());
    }

    @Test
    void nobodyElseReadsTheMetrics() {
        anonymous().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        anonymous().get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer guessed").exchange()
                .expectStatus().isUnauthorized();
        as(twitchUser("metrics_curious")).get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
        operator().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    private String scrape() {
        // Kafka's client meters alone make a scrape of several hundred kilobytes.
        return anonymous().mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 << 20)).build()
                .get().uri("/actuator/prometheus")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + SCRAPE_TOKEN).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
