package dev.stagehand.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nodes count each other once they joined, and share segments only with those; one node at a time holds a piece of
 * work, the next takes it when it is given up or dies.
 *
 * Isolated: a node joining the shared database takes segments of every processor from the application for a while.
 */
@Isolated
class ClusterNodeTest extends IntegrationTest {

    @Autowired
    private DataSource dataSource;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ClusterNode application;
    @Autowired
    private SegmentBalancer balancer;
    @Autowired
    private EventProcessingConfiguration processing;

    private ClusterNode anotherNode(String name) {
        return new ClusterNode(dataSource, new ClusterProperties(name, Duration.ofHours(1)));
    }

    @Test
    void oneNodeHoldsWorkUntilItGivesItUp() {
        ClusterNode first = anotherNode("first");
        ClusterNode second = anotherNode("second");
        try {
            assertThat(first.claim("lock test")).isTrue();
            assertThat(second.claim("lock test")).isFalse();
            assertThat(first.claim("lock test")).isTrue();

            first.release("lock test");
            assertThat(second.claim("lock test")).isTrue();
            assertThat(first.claim("lock test")).isFalse();
            assertThat(second.claims()).containsExactly("lock test");
        } finally {
            first.destroy();
            second.destroy();
        }
    }

    @Test
    void aNodeWhosePostgresSessionDiesLosesItsClaimsToTheNext() {
        ClusterNode dying = anotherNode("dying");
        ClusterNode next = anotherNode("next");
        try {
            assertThat(dying.claim("death test")).isTrue();
            long session = dying.session();

            jdbc.sql("""
                    SELECT pg_terminate_backend(pid) FROM pg_locks
                    WHERE locktype = 'advisory' AND objid = hashtext('death test')::oid""")
                .query(Boolean.class).list();

            // The killed backend lets its locks go as it exits, a moment after being told to.
            await().atMost(Duration.ofSeconds(10)).until(() -> next.claim("death test"));
            assertThat(dying.session()).isNotEqualTo(session);
            assertThat(dying.claims()).isEmpty();
            assertThat(dying.claim("death test")).isFalse();
        } finally {
            dying.destroy();
            next.destroy();
        }
    }

    @Test
    void nodesCountTheMembersOnceTheyJoined() {
        int before = application.nodes();
        ClusterNode joining = anotherNode("joining");
        try {
            assertThat(joining.claim("work of a node still starting")).isTrue();
            assertThat(application.nodes()).isEqualTo(before);

            joining.join();
            assertThat(application.nodes()).isEqualTo(before + 1);
            assertThat(joining.nodes()).isEqualTo(before + 1);
        } finally {
            joining.destroy();
        }
        assertThat(application.nodes()).isEqualTo(before);
    }

    @Test
    void segmentsStayWithTheApplicationWhileAnotherNodeIsStillStarting() {
        ClusterNode starting = anotherNode("starting");
        try {
            starting.session();
            Map<String, Integer> before = segmentsHeld();
            balancer.balance();
            assertThat(segmentsHeld()).isEqualTo(before);
        } finally {
            starting.destroy();
        }
    }

    @Test
    void segmentsLetGoToANodeThatLeftComeBackAtOnce() {
        Map<String, Integer> before = segmentsHeld();
        ClusterNode joined = anotherNode("joined and left");
        try {
            joined.join();
            balancer.balance();
            await().atMost(Duration.ofSeconds(5)).until(() -> held(segmentsHeld()) < held(before));
        } finally {
            joined.destroy();
        }
        // The segments were let go for 15 s; alone again, the application need not wait them out (its processors
        // start the work on a claimed segment at their next look, within 5 s).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            balancer.balance();
            assertThat(segmentsHeld()).isEqualTo(before);
        });
    }

    private static int held(Map<String, Integer> segments) {
        return segments.values().stream().mapToInt(Integer::intValue).sum();
    }

    private Map<String, Integer> segmentsHeld() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .collect(Collectors.toMap(StreamingEventProcessor::getName,
                        processor -> processor.processingStatus().size()));
    }

    @Test
    void theApplicationWatchesStreamsForTheDeployment() {
        ClusterNode another = anotherNode("standby");
        try {
            assertThat(another.claim("stream watching")).isFalse();
            assertThat(application.claims()).contains("stream watching");
        } finally {
            another.destroy();
        }
    }
}
