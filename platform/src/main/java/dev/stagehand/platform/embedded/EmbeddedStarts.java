package dev.stagehand.platform.embedded;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's data directory, locked, and the embedded servers it needs, started side by side in the background from
 * the moment the application's settings are known ({@link EmbeddedStartsInitializer}): Spring meanwhile parses its
 * configuration and builds the beans that need neither. On one thread after another, PostgreSQL and Kafka took 5 s
 * of a 21 s restart. Whoever needs a server waits for it; closing stops both, Kafka first, then frees the directory.
 */
public final class EmbeddedStarts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStarts.class);

    private final DataDirectory dataDirectory;
    private final CompletableFuture<EmbeddedPostgres> postgres;
    private final CompletableFuture<EmbeddedKafka> kafka;

    private EmbeddedStarts(DataDirectory dataDirectory, CompletableFuture<EmbeddedPostgres> postgres,
                           CompletableFuture<EmbeddedKafka> kafka) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /**
     * Locks the data directory (a {@link DataDirectoryInUseException} at once if another node holds it) and begins
     * starting the servers asked for.
     */
    static EmbeddedStarts begin(EmbeddedProperties properties, boolean startPostgres, boolean startKafka)
            throws IOException {
        DataDirectory directory = DataDirectory.lock(properties.dataDir());
        Executor thread = task -> {
            Thread starting = new Thread(task, "embedded-start");
            starting.setDaemon(true);
            starting.start();
        };
        return new EmbeddedStarts(directory,
                startPostgres ? CompletableFuture.supplyAsync(() -> startPostgres(directory, properties), thread)
                        : CompletableFuture.failedFuture(new IllegalStateException("An external PostgreSQL is used")),
                startKafka ? CompletableFuture.supplyAsync(() -> startKafka(directory, properties), thread)
                        : CompletableFuture.failedFuture(new IllegalStateException("An external Kafka is used")));
    }

    private static EmbeddedPostgres startPostgres(DataDirectory directory, EmbeddedProperties properties) {
        try {
            return EmbeddedPostgres.start(directory.resolve("postgres"), properties.postgresPort());
        } catch (Exception failed) {
            throw new IllegalStateException("Embedded PostgreSQL did not start: " + failed.getMessage(), failed);
        }
    }

    private static EmbeddedKafka startKafka(DataDirectory directory, EmbeddedProperties properties) {
        try {
            return EmbeddedKafka.start(directory.resolve("kafka"), properties.kafkaPort());
        } catch (Exception failed) {
            throw new IllegalStateException("Embedded Kafka did not start: " + failed.getMessage(), failed);
        }
    }

    /** The embedded PostgreSQL, once it runs. */
    public EmbeddedPostgres postgres() throws Exception {
        return await(postgres);
    }

    /** The embedded Kafka broker, once it runs. */
    public EmbeddedKafka kafka() throws Exception {
        return await(kafka);
    }

    private static <T> T await(CompletableFuture<T> start) throws Exception {
        try {
            return start.get();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        }
    }

    /** Stops what started (waiting for a start still under way), Kafka before PostgreSQL, then frees the directory. */
    @Override
    public void close() throws Exception {
        try {
            stop(kafka);
            stop(postgres);
        } finally {
            dataDirectory.close();
        }
    }

    private static void stop(CompletableFuture<? extends AutoCloseable> start) {
        try {
            start.join().close();
        } catch (RuntimeException notStarted) {
            log.debug("Nothing to stop: {}", notStarted.toString());
        } catch (Exception failed) {
            log.warn("Stopping an embedded server failed", failed);
        }
    }
}
