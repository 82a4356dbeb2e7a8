package dev.stagehand.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.sagas.cluster.ClusterLock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One node at a time does a cluster's job; the next takes it when the holder gives it up or dies. */
class ClusterLockTest extends IntegrationTest {

    @Autowired
    private DataSource dataSource;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void oneNodeHoldsAJobUntilItGivesItUp() {
        ClusterLock first = new ClusterLock(dataSource, "lock test");
        ClusterLock second = new ClusterLock(dataSource, "lock test");

        assertThat(first.held()).isTrue();
        assertThat(second.held()).isFalse();
        assertThat(first.held()).isTrue();

        first.release();
        assertThat(second.held()).isTrue();
        assertThat(first.held()).isFalse();
        second.release();
    }

    @Test
    void aNodeWhosePostgresSessionDiesLosesTheJobToTheNext() {
        ClusterLock dying = new ClusterLock(dataSource, "death test");
        ClusterLock next = new ClusterLock(dataSource, "death test");
        assertThat(dying.held()).isTrue();

        jdbc.sql("""
                SELECT pg_terminate_backend(pid) FROM pg_locks
                WHERE locktype = 'advisory' AND objid = hashtext('stagehand:death test')::oid""")
            .query(Boolean.class).list();

        assertThat(next.held()).isTrue();
        assertThat(dying.held()).isFalse();
        next.release();
    }

    @Test
    void theApplicationWatchesStreamsForTheDeployment() {
        ClusterLock anotherNode = new ClusterLock(dataSource, "stream watching");
        assertThat(anotherNode.held()).isFalse();
    }
}
