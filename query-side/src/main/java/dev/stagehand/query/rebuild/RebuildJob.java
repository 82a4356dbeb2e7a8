package dev.stagehand.query.rebuild;

import dev.stagehand.platform.DaemonThreads;
import dev.stagehand.platform.axon.ReadModelWrites;
import dev.stagehand.query.rebuild.ReadModelProjections.ReadModelProjection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds one projection into {@link ShadowTables}: reads the event store from its first event in batches, each
 * handled by the projection's own event handlers into the rebuilt tables (transactions whose search path points at
 * them). A batch is split as the live processor splits its segments (by its sequencing policy: an aggregate's events
 * stay in order, in one part) and its parts are handled at once, each in a transaction of its own, since a handler
 * mostly waits for PostgreSQL; a part's statements are sent in JDBC batches as it ends. Live tables, live processor and
 * queries are untouched until {@link #swap()}. An event the projection cannot handle (as the live one could not, and
 * dead-lettered) is skipped and remembered: a part that fails is handled again event by event, each under a savepoint;
 * one that lost a deadlock is handled again.
 */
final class RebuildJob implements AutoCloseable {

    /** What a step did: events handled, and the position reached. */
    record Step(int events, long position) {
    }

    private static final int PARTS = 4;
    private static final int BATCH = 1000 * PARTS;
    private static final int TRIES = 3;
    private static final int SKIPPED_KEPT = 20;
    /** Statistics of the growing tables are renewed this often, or PostgreSQL plans for the empty tables it knew. */
    private static final int ANALYZE_EVERY = 5;

    private final ShadowTables shadow;
    private final List<AnnotationEventHandlerAdapter> handlers;
    private final List<String> tables;
    private final SequencingPolicy<? super EventMessage<?>> sequencing;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final JdbcClient jdbc;
    private final ReadModelWrites writes;
    private final ExecutorService workers = Executors.newFixedThreadPool(PARTS,
            DaemonThreads.named("projection-rebuild-part"));
    private final List<SkippedEvent> skipped = new ArrayList<>();
    private long skippedEvents;
    private final BlockingStream<TrackedEventMessage<?>> events;
    private long position = -1;
    private int batches;

    RebuildJob(ReadModelProjection projection, ShadowTables shadow, EventStore eventStore,
               TransactionTemplate transactions, JdbcClient jdbc, ReadModelWrites writes) {
        this.shadow = shadow;
        this.handlers = projection.handlers().stream().map(AnnotationEventHandlerAdapter::new).toList();
        this.tables = projection.tables();
        this.sequencing = projection.sequencing();
        this.transactions = transactions;
        this.savepoints = new TransactionTemplate(transactions.getTransactionManager());
        savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
        this.writes = writes;
        this.events = eventStore.openStream(null);
    }

    long position() {
        return position;
    }

    synchronized long skippedEvents() {
        return skippedEvents;
    }

    /** The first events skipped. */
    synchronized List<SkippedEvent> skipped() {
        return List.copyOf(skipped);
    }

    /** Handles the next batch of events into the rebuilt tables (none when the stream stays empty for 200 ms). */
    Step next() {
        List<TrackedEventMessage<?>> batch = read(BATCH, 200);
        if (!batch.isEmpty()) {
            List<Future<?>> parts = parts(batch).stream().<Future<?>>map(part -> workers.submit(() -> write(part)))
                    .toList();
            try {
                for (Future<?> part : parts) {
                    part.get();
                }
            } catch (ExecutionException failed) {
                parts.forEach(part -> part.cancel(true));
                throw failed.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(failed);
            } catch (InterruptedException interrupted) {
                parts.forEach(part -> part.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The node stopped while rebuilding.", interrupted);
            }
            reached(batch);
            if (++batches % ANALYZE_EVERY == 0) {
                shadow.analyze();
            }
        }
        return new Step(batch.size(), position);
    }

    /** The batch split by the live processor's sequencing policy; events without a sequence go anywhere. */
    private Collection<List<TrackedEventMessage<?>>> parts(List<TrackedEventMessage<?>> batch) {
        Map<Integer, List<TrackedEventMessage<?>>> parts = new HashMap<>();
        for (TrackedEventMessage<?> event : batch) {
            Object sequence = sequencing.getSequenceIdentifierFor(event);
            int part = Math.floorMod(Objects.hashCode(sequence == null ? event.getIdentifier() : sequence), PARTS);
            parts.computeIfAbsent(part, number -> new ArrayList<>()).add(event);
        }
        return parts.values();
    }

    /** One part in a transaction of its own, handled again when it lost a deadlock. */
    private void write(List<TrackedEventMessage<?>> part) {
        for (int tried = 1; ; tried++) {
            try {
                writeOnce(part);
                return;
            } catch (RuntimeException failed) {
                if (!lostDeadlock(failed) || tried == TRIES) {
                    throw failed;
                }
            }
        }
    }

    /**
     * All events at once, their statements sent in batches at the end; when one fails (other than by a deadlock), event
     * by event, each statement at once, leaving out those that fail.
     */
    private void writeOnce(List<TrackedEventMessage<?>> part) {
        try {
            inRebuiltTables(() -> {
                try (ReadModelWrites.Batch batch = writes.open()) {
                    part.forEach(this::handle);
                    batch.flush();
                }
            });
        } catch (RuntimeException failed) {
            if (lostDeadlock(failed)) {
                throw failed;
            }
            List<SkippedEvent> skippedHere = new ArrayList<>();
            inRebuiltTables(() -> part.forEach(event -> handleOrSkip(event, skippedHere)));
            remember(skippedHere);
        }
    }

    private void inRebuiltTables(Runnable work) {
        transactions.executeWithoutResult(status -> {
            shadow.write();
            work.run();
        });
    }

    /** Catches up with the head, live tables held still (readable), and compares. */
    List<TableDiff> diff() {
        return transactions.execute(status -> {
            lockLiveTables("SHARE");
            catchUp();
            return shadow.diff();
        });
    }

    /**
     * Catches up with the head and swaps the rebuilt tables in, in one transaction that holds the live tables locked:
     * a query sees the old tables or the new ones, never a mixture. The live processor then goes on from its own
     * position; events the rebuilt tables already hold reach the projection twice, which its idempotence absorbs.
     */
    void swap() {
        transactions.executeWithoutResult(status -> {
            lockLiveTables("ACCESS EXCLUSIVE");
            catchUp();
            shadow.swapIn();
        });
    }

    private void lockLiveTables(String mode) {
        jdbc.sql("LOCK TABLE " + String.join(", ", tables.stream().map(table -> "public." + table).toList())
                + " IN " + mode + " MODE").update();
    }

    /** Every event the store has now (waiting half a second for late commits), into the rebuilt tables. */
    private void catchUp() {
        shadow.write();
        for (List<TrackedEventMessage<?>> batch = read(BATCH, 500); !batch.isEmpty(); batch = read(BATCH, 500)) {
            List<SkippedEvent> skippedHere = new ArrayList<>();
            batch.forEach(event -> handleOrSkip(event, skippedHere));
            remember(skippedHere);
            reached(batch);
        }
    }

    private void reached(List<TrackedEventMessage<?>> batch) {
        position = batch.get(batch.size() - 1).trackingToken().position().orElse(position);
    }

    private List<TrackedEventMessage<?>> read(int most, int waitMillis) {
        List<TrackedEventMessage<?>> batch = new ArrayList<>();
        try {
            while (batch.size() < most && events.hasNextAvailable(batch.isEmpty() ? waitMillis : 0,
                    TimeUnit.MILLISECONDS)) {
                batch.add(events.nextAvailable());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return batch;
    }

    /** Handles the event under a savepoint; when it fails, its work is undone and it is noted as skipped. */
    private void handleOrSkip(TrackedEventMessage<?> event, List<SkippedEvent> skippedHere) {
        try {
            savepoints.executeWithoutResult(status -> handle(event));
        } catch (RuntimeException failed) {
            if (lostDeadlock(failed)) {
                throw failed;
            }
            skippedHere.add(new SkippedEvent(event.getIdentifier(), event.getPayloadType().getSimpleName(),
                    String.valueOf(NestedExceptionUtils.getMostSpecificCause(failed).getMessage())));
        }
    }

    private synchronized void remember(List<SkippedEvent> skippedHere) {
        skippedEvents += skippedHere.size();
        skippedHere.stream().limit(SKIPPED_KEPT - skipped.size()).forEach(skipped::add);
    }

    /** Parts that write the same rows (a projection's totals) may deadlock each other; the loser tries again. */
    private static boolean lostDeadlock(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof PessimisticLockingFailureException) {
                return true;
            }
        }
        return false;
    }

    private void handle(TrackedEventMessage<?> event) {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (handler.canHandle(event)) {
                try {
                    handler.handle(event);
                } catch (Exception failed) {
                    throw new IllegalStateException("Rebuilding failed at event " + event.getIdentifier() + " ("
                            + event.getPayloadType().getSimpleName() + "): " + failed.getMessage(), failed);
                }
            }
        }
    }

    /** The rebuilt tables, gone (after a discard or a failure). */
    void dropShadow() {
        transactions.executeWithoutResult(status -> shadow.drop());
    }

    @Override
    public void close() {
        workers.shutdownNow();
        events.close();
    }
}
