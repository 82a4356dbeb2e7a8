package dev.stagehand.sagas.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node of a deployment does a job that only one node may do: the node holding a PostgreSQL session-level
 * advisory lock named after the job. The lock lives as long as the holder's connection, so a node that stops, dies or
 * loses PostgreSQL hands the job over to the next node that asks.
 */
public final class ClusterLock {

    private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);
    private static final int VALID_WITHIN_SECONDS = 2;

    private final DataSource dataSource;
    private final String job;
    private Connection holder;

    public ClusterLock(DataSource dataSource, String job) {
        this.dataSource = dataSource;
        this.job = job;
    }

    /** Whether this node does the job now: keeps the lock it holds, or takes it when no other node holds it. */
    public synchronized boolean held() {
        try {
            if (holder != null) {
                if (holder.isValid(VALID_WITHIN_SECONDS)) {
                    return true;
                }
                log.warn("Lost the connection holding the {} lock; another node may take the job over", job);
                release();
            }
            Connection connection = dataSource.getConnection();
            if (tryLock(connection)) {
                holder = connection;
                log.info("This node now does the cluster's {}", job);
                return true;
            }
            connection.close();
            return false;
        } catch (SQLException unavailable) {
            log.warn("Cannot ask PostgreSQL who does the cluster's {}: {}", job, unavailable.toString());
            return false;
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        return ask(connection, "SELECT pg_try_advisory_lock(hashtext(?))");
    }

    private boolean ask(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, "stagehand:" + job);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /**
     * Gives the job up. The lock is freed before the connection goes back to the pool, whose session would otherwise
     * keep it.
     */
    public synchronized void release() {
        if (holder != null) {
            try (Connection connection = holder) {
                ask(connection, "SELECT pg_advisory_unlock(hashtext(?))");
            } catch (SQLException alreadyGone) {
                log.debug("Freeing the {} lock failed; its session is gone, and the lock with it", job, alreadyGone);
            }
            holder = null;
        }
    }
}
