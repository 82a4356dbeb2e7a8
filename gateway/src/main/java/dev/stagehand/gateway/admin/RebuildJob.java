package dev.stagehand.gateway.admin;

import dev.stagehand.gateway.admin.ReadModelProjections.ReadModelProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds one projection into {@link ShadowTables}: reads the event store from its first event in batches, each
 * handled by the projection's own event handlers in one transaction whose search path points at the rebuilt tables.
 * Live tables, live processor and queries are untouched until {@link #swap()}. An event the projection cannot handle
 * (as the live one could not, and dead-lettered) is skipped and remembered: a batch that fails is handled again event
 * by event, each under a savepoint. Runs on one thread, which owns the event stream.
 */
final class RebuildJob implements AutoCloseable {

    /** What a step did: events handled, and the position reached. */
    record Step(int events, long position) {
    }

    /** An event the projection could not handle. */
    record Skipped(String eventId, String eventType, String reason) {
    }

    private static final int BATCH = 1000;
    private static final int SKIPPED_KEPT = 20;
    /** Statistics of the growing tables are renewed this often, or PostgreSQL plans for the empty tables it knew. */
    private static final int ANALYZE_EVERY = 20;

    private final ShadowTables shadow;
    private final List<AnnotationEventHandlerAdapter> handlers;
    private final List<String> tables;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final JdbcClient jdbc;
    private final List<Skipped> skipped = new ArrayList<>();
    private long skippedEvents;
    private final BlockingStream<TrackedEventMessage<?>> events;
    private long position = -1;
    private int batches;

    RebuildJob(ReadModelProjection projection, ShadowTables shadow, EventStore eventStore,
               TransactionTemplate transactions, JdbcClient jdbc) {
        this.shadow = shadow;
        this.handlers = projection.handlers().stream().map(AnnotationEventHandlerAdapter::new).toList();
        this.tables = projection.tables();
        this.transactions = transactions;
        this.savepoints = new TransactionTemplate(transactions.getTransactionManager());
        savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
        this.events = eventStore.openStream(null);
    }

    long position() {
        return position;
    }

    long skippedEvents() {
        return skippedEvents;
    }

    /** The first events skipped. */
    List<Skipped> skipped() {
        return List.copyOf(skipped);
    }

    /** Handles the next batch of events into the rebuilt tables (none when the stream stays empty for 200 ms). */
    Step next() {
        List<TrackedEventMessage<?>> batch = read(BATCH, 200);
        if (!batch.isEmpty()) {
            try {
                transactions.executeWithoutResult(status -> {
                    shadow.write();
                    batch.forEach(this::handle);
                });
            } catch (RuntimeException failed) {
                transactions.executeWithoutResult(status -> {
                    shadow.write();
                    batch.forEach(this::handleOrSkip);
                });
            }
            if (++batches % ANALYZE_EVERY == 0) {
                shadow.analyze();
            }
        }
        return new Step(batch.size(), position);
    }

    /** Catches up with the head, live tables held still (readable), and compares. */
    List<ShadowTables.TableDiff> diff() {
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
            batch.forEach(this::handleOrSkip);
        }
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

    /** Handles the event under a savepoint; when it fails, its work is undone and it is remembered as skipped. */
    private void handleOrSkip(TrackedEventMessage<?> event) {
        try {
            savepoints.executeWithoutResult(status -> handle(event));
        } catch (RuntimeException failed) {
            if (skippedEvents++ < SKIPPED_KEPT) {
                skipped.add(new Skipped(event.getIdentifier(), event.getPayloadType().getSimpleName(),
                        String.valueOf(NestedExceptionUtils.getMostSpecificCause(failed).getMessage())));
            }
            position = event.trackingToken().position().orElse(position);
        }
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
        position = event.trackingToken().position().orElse(position);
    }

    /** The rebuilt tables, gone (after a discard or a failure). */
    void dropShadow() {
        transactions.executeWithoutResult(status -> shadow.drop());
    }

    @Override
    public void close() {
        events.close();
    }
}
