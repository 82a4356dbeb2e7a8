package dev.stagehand.platform.kafka;

import dev.stagehand.api.kafka.Topic;
import dev.stagehand.api.kafka.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** Stagehand's topics as the brokers hold them: partitions, bytes on disk (every replica), retention, compaction. */
@Component
public class TopicStates implements DisposableBean {

    /**
     * @param bytes       what the topic takes on the brokers' disks, every replica counted
     * @param compacted   whether Kafka keeps only each key's latest record
     * @param retentionMs how long Kafka keeps records, -1 for ever; as the broker has it
     * @param declared    whether that is what {@link Topics} declares
     */
    public record TopicState(String name, int partitions, long bytes, boolean compacted, long retentionMs,
                             boolean declared) {
    }

    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;

    TopicStates(KafkaAdmin kafka) {
        this.admin = Admin.create(kafka.getConfigurationProperties());
    }

    public List<TopicState> topics() throws ExecutionException, InterruptedException, TimeoutException {
        List<String> names = Topics.ALL.stream().map(Topic::name).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                        .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList())
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Collection<Node> brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<Integer, Map<String, LogDirDescription>> logDirs = admin.describeLogDirs(brokers.stream().map(Node::id)
                .toList()).allDescriptions().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicState> states = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
            boolean compacted = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()
                    .contains(TopicConfig.CLEANUP_POLICY_COMPACT);
            long retention = Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value());
            long bytes = logDirs.values().stream().flatMap(dirs -> dirs.values().stream())
                    .flatMap(dir -> dir.replicaInfos().entrySet().stream())
                    .filter(replica -> replica.getKey().topic().equals(topic.name()))
                    .mapToLong(replica -> replica.getValue().size()).sum();
            boolean declared = compacted == topic.compacted()
                    && (topic.compacted() || retention == topic.retention().toMillis());
            states.add(new TopicState(topic.name(), descriptions.get(topic.name()).partitions().size(), bytes,
                    compacted, retention, declared));
        }
        return states;
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
