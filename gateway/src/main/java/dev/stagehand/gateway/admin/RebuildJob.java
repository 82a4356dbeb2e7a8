package dev.stagehand.gateway.admin;

import dev.stagehand.gateway.admin.ReadModelProjections.ReadModelProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds one projection into {@link ShadowTables}: reads the event store from its first event in batches, each
 * handled by the projection's own event handlers in one transaction whose search path points at the rebuilt tables.
 * Live tables, live processor and queries are untouched until {@link #swap()}. Runs on one thread, which owns the
 * event stream.
 */
final class RebuildJob implements AutoCloseable {

    /** What a step did: events handled, and the position reached. */
    record Step(int events, long position) {
    }

    private static final int BATCH = 1000;
    /** Statistics of the growing tables are renewed this often, or PostgreSQL plans for the empty tables it knew. */
    private static final int ANALYZE_EVERY = 20;

    private final ShadowTables shadow;
    private final List<AnnotationEventHandlerAdapter> handlers;
    private final List<String> tables;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final BlockingStream<TrackedEventMessage<?>> events;
    private long position = -1;
    private int batches;

    RebuildJob(ReadModelProjection projection, ShadowTables shadow, EventStore eventStore,
               TransactionTemplate transactions, JdbcClient jdbc) {
        this.shadow = shadow;
        this.handlers = projection.handlers().stream().map(AnnotationEventHandlerAdapter::new).toList();
        this.tables = projection.tables();
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.events = eventStore.openStream(null);
    }

    long position() {
        return position;
    }

    /** Handles the next batch of events into the rebuilt tables (none when the stream stays empty for 200 ms). */
    Step next() {
        List<TrackedEventMessage<?>> batch = read(BATCH, 200);
        if (!batch.isEmpty()) {
            transactions.executeWithoutResult(status -> {
                shadow.write();
                batch.forEach(this::handle);
            });
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
            batch.forEach(this::handle);
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
