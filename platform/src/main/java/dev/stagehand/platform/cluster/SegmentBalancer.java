package dev.stagehand.platform.cluster;

import dev.stagehand.platform.RepeatingJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Spreads the event processors' segments over the live nodes. Axon's processors claim every free segment they find
 * and never give one up, so the node that starts first would do all the work. Every 10 s, a node holding more than
 * its share of all the segments (every processor's, divided by the live nodes, rounded up) lets the excess go, from
 * the processors where it holds most, and leaves them alone for 15 s, time for the other nodes' processors to claim
 * them (they look every 5 s); a segment nobody took comes back to it after that. A node left alone takes back at once
 * the segments it let go, without waiting out the 15 s (their new holder may have stopped since).
 */
@Component
class SegmentBalancer extends RepeatingJob {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final Duration EVERY = Duration.ofSeconds(10);
    private static final long LEFT_ALONE_SECONDS = 15;

    private final EventProcessingConfiguration processing;
    private final ClusterNode node;
    private final JdbcClient jdbc;
    /** The segments let go, with when they become free for this node's processors again. */
    private final Map<StreamingEventProcessor, Map<Integer, Instant>> letGo = new ConcurrentHashMap<>();

    SegmentBalancer(EventProcessingConfiguration processing, ClusterNode node, JdbcClient jdbc) {
        super("segment-balancer", EVERY);
        this.processing = processing;
        this.node = node;
        this.jdbc = jdbc;
    }

    @Override
    protected Duration runOnce() {
        balance();
        return EVERY;
    }

    void balance() {
        int nodes = node.nodes();
        if (nodes < 2) {
            takeBack();
            return;
        }
        long segments = jdbc.sql("SELECT count(*) FROM token_entry").query(Long.class).single();
        long share = (segments + nodes - 1) / nodes;
        Map<StreamingEventProcessor, List<Integer>> held = new HashMap<>();
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .forEach(processor -> held.put(processor, processor.processingStatus().keySet().stream()
                        .sorted(Comparator.reverseOrder()).toList()));
        long mine = held.values().stream().mapToLong(List::size).sum();
        if (mine <= share) {
            return;
        }
        log.info("Node {} holds {} of {} segments on {} nodes: letting {} go", node.name(), mine, segments, nodes,
                mine - share);
        Map<StreamingEventProcessor, Integer> released = new HashMap<>();
        for (long excess = mine - share; excess > 0; excess--) {
            StreamingEventProcessor most = held.keySet().stream()
                    .max(Comparator.comparingInt(processor -> held.get(processor).size()
                            - released.getOrDefault(processor, 0)))
                    .orElseThrow();
            int index = released.merge(most, 1, Integer::sum) - 1;
            int segment = held.get(most).get(index);
            most.releaseSegment(segment, LEFT_ALONE_SECONDS, TimeUnit.SECONDS);
            letGo.computeIfAbsent(most, processor -> new ConcurrentHashMap<>())
                    .put(segment, Instant.now().plusSeconds(LEFT_ALONE_SECONDS));
        }
    }

    /**
     * Claims each segment let go whose time is not up, every time: a claim that reaches a processor while it still
     * lets the segment go changes nothing.
     */
    private void takeBack() {
        Instant now = Instant.now();
        letGo.forEach((processor, segments) -> segments.entrySet().removeIf(segment -> {
            if (segment.getValue().isBefore(now)) {
                return true;
            }
            processor.claimSegment(segment.getKey());
            return false;
        }));
    }
}
