package dev.stagehand.live.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.chat.ChatLoad;
import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.chat.ChatRecord.Chatter;
import dev.stagehand.api.chat.ChatRecord.Kind;
import dev.stagehand.api.kafka.Topics;
import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.platform.kafka.TopicReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real history writer and chat stream application wait while Twitch chat comes in: chat written to Kafka meanwhile
 * is not stored until reading keeps up again, and then all of it is stored and counted, once.
 *
 * Isolated: it pauses the chat stream application, whose spike detection the highlight test beside it relies on.
 */
@Isolated
class ChatIngestPriorityTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    private KafkaListenerEndpointRegistry listeners;
    @Autowired
    private StreamsBuilderFactoryBean chatStream;
    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private ConsumerFactory<String, String> consumers;
    @Autowired
    private JsonMapper json;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void historyAndAnalyticsWaitWhileLinesWaitAndCatchUpAfterwards() throws Exception {
        AtomicInteger waiting = new AtomicInteger(ChatIngestFirst.BEHIND);
        AtomicLong now = new AtomicLong();
        ChatIngestFirst priority = new ChatIngestFirst(() -> new ChatLoad(List.of(), 50, waiting.get()),
                ChatIngestConfiguration.readers(listeners, chatStream), new SimpleMeterRegistry(), now::get);
        MessageListenerContainer history = listeners.getListenerContainer(ChatIngestConfiguration.HISTORY);
        KafkaStreams analytics = chatStream.getKafkaStreams();
        String channelId = "880001";
        try {
            priority.check();
            priority.check();
            assertThat(analytics.isPaused()).isTrue();
            await().atMost(WAIT).until(history::isContainerPaused);

            Instant at = Instant.now();
            for (int i = 0; i < 20; i++) {
                kafka.send(Topics.CHAT_MESSAGES.name(), channelId, json.writeValueAsString(new ChatRecord(
                        ChatRecord.SCHEMA_VERSION, Kind.MESSAGE, "waiting-" + i, channelId, "waiting_channel", null,
                        new Chatter("77", "patient_pat", "Patient_Pat", null, List.of()), "message " + i, List.of(),
                        null, null, null, null, null, at, at))).get();
            }
            TopicReader.read(consumers, Topics.CHAT_MESSAGES.name(), record -> channelId.equals(record.key()), 20);
            assertThat(stored(channelId)).isZero();

            waiting.set(0);
            now.addAndGet(ChatIngestFirst.CALM.toNanos());
            priority.check();
            assertThat(analytics.isPaused()).isFalse();
            assertThat(history.isPauseRequested()).isTrue();
            now.addAndGet(ChatIngestFirst.CALM.toNanos());
            priority.check();
            assertThat(history.isPauseRequested()).isFalse();

            await().atMost(WAIT).until(() -> stored(channelId) == 20);
            assertThat(TopicReader.read(consumers, Topics.CHAT_STATS.name(),
                    record -> channelId.equals(record.key()) && record.value().contains("\"messageCount\":20"), 1))
                    .isNotEmpty();
        } finally {
            priority.stop();
        }
    }

    private long stored(String channelId) {
        return jdbc.sql("SELECT count(*) FROM chat_message WHERE channel_id = ?").param(channelId)
                .query(Long.class).single();
    }
}
