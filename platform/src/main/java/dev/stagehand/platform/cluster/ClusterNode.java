package dev.stagehand.platform.cluster;

import dev.stagehand.platform.DaemonThreads;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This node's membership of the deployment, and the work that only one node may do at a time: PostgreSQL
 * session-level advisory locks, all held on one connection of this node. One lock says the node is a member, so that
 * every node can count the members; each claimed piece of work (stream watching, one channel's chat) is another.
 * A node becomes a member once the application is ready, not when it connects: the others share their event
 * processors' segments with the members, and a node still starting would leave what they hand it unprocessed.
 * A node that stops, dies or loses PostgreSQL loses its session, and with it its membership and every claim at
 * once; the other nodes take the work over at their next look. The session is checked every second: when it is
 * gone, the claims are forgotten and {@link #session()} changes, which tells their users to stop the work.
 */
@Component
public class ClusterNode implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);
    /** The two advisory-lock key spaces: live nodes (keyed by their session's process id), and claimed work. */
    private static final int MEMBERS = 0x53480001;
    private static final int CLAIMS = 0x53480002;

    private final DataSource dataSource;
    private final String name;
    private final ScheduledExecutorService checker;
    private final Set<String> claims = new HashSet<>();
    private Connection connection;
    private long session;
    private boolean member;
    private boolean closed;

    public ClusterNode(DataSource dataSource, ClusterProperties properties) {
        this.dataSource = dataSource;
        this.name = properties.nodeName() != null && !properties.nodeName().isBlank() ? properties.nodeName()
                : ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 4);
        this.checker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cluster-node"));
        checker.scheduleWithFixedDelay(this::session, 0, properties.checkEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    public String name() {
        return name;
    }

    /**
     * The number of this node's current PostgreSQL session, which holds its membership and claims; a new number
     * means that every earlier claim was lost. Zero while PostgreSQL cannot be reached, and once the node stopped.
     */
    public synchronized long session() {
        if (closed) {
            return 0;
        }
        try {
            if (connection != null && !connection.isValid(2)) {
                log.warn("Node {} lost its PostgreSQL session, and with it its claims on {}", name, claims);
                forget();
            }
            if (connection == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
                session++;
                if (member) {
                    becomeMember();
                }
            }
            return session;
        } catch (SQLException unavailable) {
            log.warn("Node {} cannot reach PostgreSQL to keep its claims: {}", name, unavailable.toString());
            forget();
            return 0;
        }
    }

    /** Makes this node a member of the deployment, from now on and in every later session. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void join() {
        if (member) {
            return;
        }
        member = true;
        try {
            if (connection != null) {
                becomeMember();
            } else {
                session();
            }
        } catch (SQLException unavailable) {
            log.warn("Node {} cannot join the deployment yet: {}", name, unavailable.toString());
        }
    }

    private void becomeMember() throws SQLException {
        execute("SELECT pg_advisory_lock(" + MEMBERS + ", pg_backend_pid())");
        log.info("Node {} joined the deployment ({} nodes)", name, nodes());
    }

    /** Whether this node holds {@code work} now: it did already, or it took it as no other node holds it. */
    public synchronized boolean claim(String work) {
        if (claims.contains(work)) {
            return true;
        }
        if (session() == 0) {
            return false;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_try_advisory_lock(" + CLAIMS + ", hashtext(?))")) {
            statement.setString(1, work);
            try (ResultSet result = statement.executeQuery()) {
                if (result.next() && result.getBoolean(1)) {
                    claims.add(work);
                    return true;
                }
                return false;
            }
        } catch (SQLException failed) {
            log.warn("Node {} could not claim {}: {}", name, work, failed.toString());
            return false;
        }
    }

    /** Gives {@code work} up, so that another node may claim it. */
    public synchronized void release(String work) {
        if (!claims.remove(work) || connection == null) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_advisory_unlock(" + CLAIMS + ", hashtext(?))")) {
            statement.setString(1, work);
            statement.executeQuery().close();
        } catch (SQLException failed) {
            log.debug("Freeing {} failed; its session is gone, and the claim with it", work, failed);
        }
    }

    /** How many nodes are members now, this one included once it joined (at least one). */
    public synchronized int nodes() {
        if (connection == null) {
            return 1;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = " + MEMBERS
                        + "::oid AND objsubid = 2 AND granted "
                        + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return Math.max(1, result.getInt(1));
        } catch (SQLException failed) {
            return 1;
        }
    }

    /** What this node holds now. */
    public synchronized Set<String> claims() {
        return Set.copyOf(claims);
    }

    private void execute(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeQuery().close();
        }
    }

    /** Ends the session's claims; the connection goes back to the pool without them. */
    private void forget() {
        claims.clear();
        if (connection != null) {
            try (Connection gone = connection) {
                execute("SELECT pg_advisory_unlock_all()");
            } catch (SQLException alreadyGone) {
                log.debug("The session of node {} is gone already", name, alreadyGone);
            }
            connection = null;
        }
    }

    @Override
    public synchronized void destroy() {
        closed = true;
        checker.shutdownNow();
        forget();
    }
}
