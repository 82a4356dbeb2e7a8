package dev.stagehand.platform.health;

import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * The chat stream application (analytics and spike detection): UP while it runs or rebalances, DOWN when it stopped or
 * failed, so that counting that has stopped shows on the health page rather than as figures that no longer move.
 */
@Component
class ChatStreamHealthIndicator extends AbstractHealthIndicator {

    private static final Set<KafkaStreams.State> WORKING = Set.of(KafkaStreams.State.CREATED,
            KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING);

    private final StreamsBuilderFactoryBean chatStream;

    ChatStreamHealthIndicator(StreamsBuilderFactoryBean chatStream) {
        super("The chat stream application could not be inspected");
        this.chatStream = chatStream;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams streams = chatStream.getKafkaStreams();
        KafkaStreams.State state = streams == null ? KafkaStreams.State.NOT_RUNNING : streams.state();
        builder.status(WORKING.contains(state) ? "UP" : "DOWN").withDetail("state", state.name());
        if (streams != null) {
            builder.withDetail("threads", streams.metadataForLocalThreads().stream()
                    .map(ThreadMetadata::threadState).toList());
        }
    }
}
