package dev.stagehand.gateway.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.IntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

/**
 * Chat keeps flowing while the analytics processor and the history writer stop and start again, the processor with
 * its local state deleted (so it is rebuilt from its changelog): every message the simulator sent is counted and
 * stored exactly once, and the health page shows the chat stream down while it is stopped.
 *
 * Isolated: it stops the chat stream application, whose spike detection the highlight test beside it relies on.
 */
@Isolated
class ChatPipelineRestartTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    private StreamsBuilderFactoryBean analytics;
    @Autowired
    private KafkaListenerEndpointRegistry listeners;
    @Autowired
    private Environment environment;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void restartingTheConsumersMidStreamLosesNoCountAndCountsNoneTwice() throws Exception {
        String channelId = sim.world().user("steady_stream").id();
        WebTestClient streamer = as(twitchUser("steady_owner"));
        streamer.post().uri("/api/channels").bodyValue(Map.of("channel", "steady_stream")).exchange()
                .expectStatus().isCreated();
        await().atMost(WAIT).until(() -> sim.chat().viewersConnected("steady_stream") == 1);

        sim.scenario().chat("steady_stream", 30, 25.0);
        try {
            Thread.sleep(3000);
            analytics.stop();
            listeners.getListenerContainer("chat-history").stop();
            assertThat(chatStreamHealth()).isEqualTo("DOWN");
            FileSystemUtils.deleteRecursively(Path.of(environment.getRequiredProperty("spring.kafka.streams.state-dir"),
                    environment.getRequiredProperty("spring.kafka.streams.application-id")));
            Thread.sleep(2000);
            analytics.start();
            listeners.getListenerContainer("chat-history").start();
            Thread.sleep(3000);
            await().atMost(WAIT).until(() -> chatStreamHealth().equals("UP"));
        } finally {
            sim.scenario().chat("steady_stream", 30, 0);
        }
        long said = sim.chat().messagesSaid("steady_stream");
        assertThat(said).isGreaterThan(100);

        await().atMost(WAIT).until(() -> counted(channelId) >= said && stored(channelId) >= said);
        Thread.sleep(2000);
        assertThat(counted(channelId)).isEqualTo(said);
        assertThat(stored(channelId)).isEqualTo(said);
    }

    @SuppressWarnings("unchecked")
    private String chatStreamHealth() {
        Map<String, Object> health = operator().get().uri("/actuator/health").exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) ((Map<String, Object>) ((Map<String, Object>) health.get("components")).get("chatStream"))
                .get("status");
    }

    private long counted(String channelId) {
        return jdbc.sql("SELECT coalesce(sum(message_count), 0) FROM chat_stats_view WHERE channel_id = :channel"
                        + " AND window_seconds = 600").param("channel", channelId).query(Long.class).single();
    }

    private long stored(String channelId) {
        return jdbc.sql("SELECT count(*) FROM chat_message WHERE channel_id = :channel AND kind = 'MESSAGE'")
                   .param("channel", channelId).query(Long.class).single();
    }
}
