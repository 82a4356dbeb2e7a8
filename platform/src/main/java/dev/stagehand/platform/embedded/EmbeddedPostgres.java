package dev.stagehand.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries on the classpath, its data kept in a directory that survives
 * restarts.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    static final String DATABASE = "postgres";
    static final String USER = "postgres";

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts PostgreSQL on {@code dataDirectory}; the caller must hold the {@link DataDirectory} lock. */
    public static EmbeddedPostgres start(Path dataDirectory, int port) throws IOException {
        stopOrphanedServer(dataDirectory);
        long started = System.nanoTime();
        var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Stopped by the Spring context, after everything that writes to it: zonky's own JVM shutdown hook
                // would stop it while the context is still closing (deadlines and processors then fail mid-write).
                .setRegisterShutdownHook(false)
                // zonky's defaults suit throwaway test databases (fsync and synchronous commit off); this one holds
                // the event store, so a crash must not lose committed events. These come after zonky's "-F" and win.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                // Chat history at its peak writes tens of megabytes a second: with PostgreSQL's defaults (128 MB of
                // buffers, a checkpoint every gigabyte of WAL) much of that time goes to evicting and checkpointing.
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_wal_size", "4GB");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = new EmbeddedPostgres(builder.start());
        log.info("Embedded PostgreSQL is up on port {} with data in {} ({} ms)", postgres.port(), dataDirectory,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return postgres;
    }

    /**
     * A node killed without a chance to shut down leaves its postmaster running. Holding the data-directory lock
     * proves no other Stagehand owns it, so such a server is an orphan: stop it before starting our own.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::strip).map(Long::parseLong).flatMap(ProcessHandle::of)
                .filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by a previous run", orphan.get().pid(),
                dataDirectory);
        orphan.get().destroy();
        orphan.get().onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl() {
        return server.getJdbcUrl(USER, DATABASE);
    }

    @Override
    public void close() throws IOException {
        server.close();
        log.info("Embedded PostgreSQL stopped");
    }
}
