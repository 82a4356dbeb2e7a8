package dev.stagehand.platform.axon;

import dev.stagehand.platform.axon.ProcessorStatus.SegmentStatus;
import dev.stagehand.platform.problem.NotFoundException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the state of every streaming event processor, on this node and in the token store. */
@Component
public class EventProcessors {

    private static final Logger log = LoggerFactory.getLogger(EventProcessors.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final RebuildableProcessors rebuildable;

    EventProcessors(EventProcessingConfiguration processing, EventStore eventStore, JdbcClient jdbc,
                    RebuildableProcessors rebuildable) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.rebuildable = rebuildable;
    }

    public List<ProcessorStatus> statuses() {
        long head = position(eventStore.createHeadToken()).orElse(-1);
        return streamingProcessors().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> status(entry.getKey(), entry.getValue(), head))
                .toList();
    }

    public ProcessorStatus status(String name) {
        long head = position(eventStore.createHeadToken()).orElse(-1);
        return status(name, processor(name), head);
    }

    private Map<String, StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> (StreamingEventProcessor) entry.getValue()));
    }

    private StreamingEventProcessor processor(String name) {
        StreamingEventProcessor processor = streamingProcessors().get(name);
        if (processor == null) {
            throw new NotFoundException("No event processor is named " + name + ".");
        }
        return processor;
    }

    private ProcessorStatus status(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        List<SegmentStatus> segments = jdbc
                .sql("SELECT segment, owner FROM token_entry WHERE processor_name = :name ORDER BY segment")
                .param("name", name)
                .query((row, i) -> segment(row.getInt("segment"), row.getString("owner"),
                        local.get(row.getInt("segment")), head))
                .list();
        List<SegmentStatus> claimed = segments.stream().filter(SegmentStatus::claimedHere).toList();
        Long position = claimed.stream().map(SegmentStatus::position).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        Long lag = claimed.isEmpty() || claimed.stream().anyMatch(segment -> segment.lag() == null) ? null
                : claimed.stream().mapToLong(SegmentStatus::lag).max().orElse(0);
        boolean error = segments.stream().anyMatch(segment -> segment.error() != null) || processor.isError();
        return new ProcessorStatus(name, processor.isRunning(), rebuildable.rebuildable(name), processor.isReplaying(),
                error, position, head, lag, deadLetters(name), segments);
    }

    private static SegmentStatus segment(int segment, String owner, EventTrackerStatus status, long head) {
        if (status == null) {
            return new SegmentStatus(segment, owner, false, null, null, false, false, null);
        }
        Long position = status.getCurrentPosition().isPresent() ? status.getCurrentPosition().getAsLong() : null;
        // A segment that has seen no event yet has no position; caught up, it is nothing behind.
        Long lag = position != null ? Long.valueOf(Math.max(0, head - position)) : status.isCaughtUp() ? 0L : null;
        return new SegmentStatus(segment, owner, true, position, lag, status.isCaughtUp(), status.isReplaying(),
                status.isErrorState() ? String.valueOf(status.getError()) : null);
    }

    private long deadLetters(String name) {
        return processing.deadLetterQueue(name).map(queue -> queue.size()).orElse(0L);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
