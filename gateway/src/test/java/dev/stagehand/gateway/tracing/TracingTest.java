package dev.stagehand.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.kafka.Topics;
import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.platform.kafka.LiveTopic;
import dev.stagehand.twitchsim.discord.DiscordDelivery;
import dev.stagehand.twitchsim.discord.SimWebhook;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One chat message followed by its trace id from Twitch through Kafka to an overlay, and one request's command
 * through its events, a saga and its deadline to Discord: the W3C {@code traceparent} in Kafka headers, Axon
 * metadata and HTTP, and the trace id in the log lines on the way.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> DEBUGGED = List.of("dev.stagehand.sagas.channel.ChatRecordProducer",
            "dev.stagehand.gateway.overlay.OverlaySocket", "dev.stagehand.sagas.notification.HttpDiscordWebhooks");

    @Autowired
    private KafkaConnectionDetails kafka;
    @Autowired
    private JdbcClient jdbc;

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @AfterEach
    void quietAgain() {
        DEBUGGED.forEach(logger -> logging.setLogLevel(logger, null));
    }

    private static String traceId(String traceparent) {
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        return traceparent.split("-")[1];
    }

    private static Stream<String> linesWith(CapturedOutput output, String text) {
        return output.getOut().lines().filter(line -> line.contains(text));
    }

    @Test
    void aChatLineKeepsItsTraceIdFromTwitchThroughKafkaToTheOverlay(CapturedOutput output) {
        DEBUGGED.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
        WebTestClient streamer = as(twitchUser("traced_streamer"));
        String channelId = sim.world().user("traced_channel").id();
        streamer.post().uri("/api/channels").bodyValue(Map.of("channel", "traced_channel")).exchange()
                .expectStatus().isCreated();
        await().atMost(WAIT).until(() -> sim.chat().viewersConnected("traced_channel") == 1);
        Map<?, ?> overlay = streamer.post().uri("/api/overlays")
                .bodyValue(Map.of("name", "Traced", "channelId", channelId)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        URI socket = URI.create(((String) overlay.get("url")).replace("http://", "ws://")
                .replace("/overlay/", "/ws/overlay/"));
        AtomicInteger frames = new AtomicInteger();
        Disposable source = new ReactorNettyWebSocketClient().execute(socket, session -> session.receive()
                .doOnNext(frame -> frames.incrementAndGet()).then()).subscribe();
        try {
            await().atMost(WAIT).until(() -> frames.get() > 0);
            sim.chat().say("traced_channel", "viewer", "follow this line");

            ConsumerRecord<String, String> record = LiveTopic.withRecent(kafka, Topics.CHAT_MESSAGES.name(), 200)
                    .map(LiveTopic.LiveRecord::record)
                    .filter(candidate -> candidate.value().contains("follow this line"))
                    .blockFirst(WAIT);
            String traceId = traceId(new String(record.headers().lastHeader("traceparent").value(),
                    StandardCharsets.US_ASCII));
            String recordId = JsonMapper.builder().build().readTree(record.value()).path("id").asString();

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(linesWith(output, "Chat line " + recordId + " of channel " + channelId))
                        .singleElement().asString().contains(traceId);
                assertThat(linesWith(output, "Chat line to overlay " + overlay.get("id")))
                        .anySatisfy(line -> assertThat(line).contains(traceId));
            });
        } finally {
            source.dispose();
        }
    }

    @Test
    void aRequestsTraceReachesItsEventsAndAGoLiveReachesDiscordInTheTraceOfItsEvent(CapturedOutput output) {
        logging.setLogLevel("dev.stagehand.sagas.notification.HttpDiscordWebhooks", LogLevel.DEBUG);
        WebTestClient admin = as(discordUser("traced_admin"));
        SimWebhook discord = sim.discord().createWebhook("traced");
        String requestTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String webhookId = (String) admin.post().uri("/api/webhooks")
                .header("traceparent", "00-" + requestTrace + "-00f067aa0ba902b7-01")
                .bodyValue(Map.of("name", "Traced", "url", discord.url(sim.discordUrl()))).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        assertThat(traceId(metadataTraceparent("WebhookRegistered", webhookId))).isEqualTo(requestTrace);

        String broadcasterId = sim.world().user("traced_live").id();
        admin.post().uri("/api/webhooks/{id}/subscriptions", webhookId).bodyValue(Map.of("streamer", "traced_live"))
                .exchange().expectStatus().isCreated();
        sim.world().goLive("traced_live", sim.world().game("509658", "Just Chatting"), "Traced", 3);
        await().atMost(WAIT).until(() -> !sim.discord().deliveriesTo(discord.id()).isEmpty());

        DiscordDelivery delivery = sim.discord().deliveriesTo(discord.id()).get(0);
        String liveTrace = traceId(jdbc.sql("""
                        SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry
                        WHERE payload_type LIKE '%StreamWentLive' AND convert_from(payload, 'UTF8') LIKE :broadcaster
                        """).param("broadcaster", "%\"" + broadcasterId + "\"%").query(String.class).single()
                .replaceAll(".*\"traceparent\":\"([^\"]+)\".*", "$1"));
        assertThat(traceId(delivery.traceparent())).isEqualTo(liveTrace);
        await().atMost(WAIT).untilAsserted(() -> assertThat(linesWith(output, "Discord answered 200 to POST"))
                .anySatisfy(line -> assertThat(line).contains(liveTrace)));
        sim.world().goOffline("traced_live");
    }

    private String metadataTraceparent(String eventType, String aggregateId) {
        return jdbc.sql("""
                        SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry
                        WHERE payload_type LIKE :type AND aggregate_identifier = :id""")
                .param("type", "%" + eventType).param("id", aggregateId).query(String.class).single()
                .replaceAll(".*\"traceparent\":\"([^\"]+)\".*", "$1");
    }
}
