package dev.stagehand.platform.kafka;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Stagehand's Kafka consumer groups (history writer, analytics, spikes, skibidifier, …) with their members and lag:
 * how many records of the partitions they have committed to they have yet to read. The live hubs' readers commit
 * nothing and are left out.
 */
@Component
public class ConsumerGroups implements DisposableBean {

    /** One group: its state, how many members share its partitions, and its lag per topic and in all. */
    public record Group(String group, String state, int members, Map<String, Long> lagByTopic, long lag) {
    }

    private static final long TIMEOUT_SECONDS = 10;
    /** The live hubs' readers: one group per socket reader, committing nothing. */
    private static final String LIVE_READERS = "stagehand-live-";

    private final Admin admin;

    ConsumerGroups(KafkaAdmin kafka) {
        this.admin = Admin.create(kafka.getConfigurationProperties());
    }

    public List<Group> groups() throws ExecutionException, InterruptedException, TimeoutException {
        List<Group> groups = new ArrayList<>();
        for (GroupListing listing : admin.listGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            if (listing.groupId().startsWith(LIVE_READERS)) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(admin
                    .listConsumerGroupOffsets(listing.groupId()).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            committed.values().removeIf(offset -> offset == null);
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                            .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, Long> lag = committed.entrySet().stream().collect(Collectors.groupingBy(
                    entry -> entry.getKey().topic(), TreeMap::new, Collectors.summingLong(entry ->
                            Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset()))));
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(listing.groupId()))
                    .describedGroups().get(listing.groupId()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            groups.add(new Group(listing.groupId(), listing.groupState().map(Object::toString).orElse("UNKNOWN"),
                    description.members().size(), lag, lag.values().stream().mapToLong(Long::longValue).sum()));
        }
        groups.sort(Comparator.comparing(Group::group));
        return groups;
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
