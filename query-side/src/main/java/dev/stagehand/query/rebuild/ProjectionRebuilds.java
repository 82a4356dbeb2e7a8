package dev.stagehand.query.rebuild;

import dev.stagehand.api.common.Conflict;
import dev.stagehand.platform.DaemonThreads;
import dev.stagehand.platform.axon.EventProcessors;
import dev.stagehand.platform.axon.ReadModelWrites;
import dev.stagehand.platform.cluster.ClusterNode;
import dev.stagehand.platform.problem.NotFoundException;
import dev.stagehand.query.rebuild.ReadModelProjections.ReadModelProjection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Blue/green rebuilds of projections. A rebuild reads every event into tables beside the live ones
 * ({@link RebuildJob}) while the live tables go on serving and being kept; once caught up it compares both and waits,
 * following new events, until an operator confirms (the rebuilt tables are swapped in, atomically) or discards it.
 * Only projections that keep their own tables ({@code @ReadModel}) can be rebuilt; sagas never are, so a rebuild
 * sends no Discord message, makes no clip and joins no chat. Progress lives in {@code projection_rebuild}, so every
 * node shows it and any node may confirm or discard; the work runs on the node that started it.
 */
@Component
public class ProjectionRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final Duration REPORT_EVERY = Duration.ofMillis(500);
    private static final Duration STALLED_AFTER = Duration.ofSeconds(30);

    private final ReadModelProjections projections;
    private final EventProcessors processors;
    private final EventStore eventStore;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ReadModelWrites writes;
    private final ClusterNode node;
    private final JsonMapper json;
    private final ExecutorService workers = Executors.newCachedThreadPool(DaemonThreads.named("projection-rebuild"));

    ProjectionRebuilds(ReadModelProjections projections, EventProcessors processors, EventStore eventStore,
                       TransactionTemplate transactions, JdbcClient jdbc, ReadModelWrites writes, ClusterNode node,
                       JsonMapper json) {
        this.projections = projections;
        this.processors = processors;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.writes = writes;
        this.node = node;
        this.json = json;
    }

    public RebuildStatus start(String processor) {
        processors.status(processor);
        ReadModelProjection projection = projections.of(processor).orElseThrow(() -> new Conflict(
                processor + " keeps no tables of its own (it acts, or writes what other parts keep), so it cannot be "
                        + "rebuilt beside them."));
        int claimed = jdbc.sql("""
                INSERT INTO projection_rebuild (processor, node, state, position, head, events, per_second,
                                                started_at, updated_at)
                VALUES (:processor, :node, 'BUILDING', -1, :head, 0, 0, now(), now())
                ON CONFLICT (processor) DO UPDATE SET node = EXCLUDED.node, state = 'BUILDING', position = -1,
                    head = EXCLUDED.head, events = 0, per_second = 0, diff = NULL, error = NULL, skipped_events = 0,
                    skipped = NULL, started_at = now(),
                    updated_at = now(), finished_at = NULL
                WHERE projection_rebuild.state IN ('SWITCHED', 'DISCARDED', 'FAILED')
                   OR projection_rebuild.updated_at < :stalled""")
            .param("processor", processor)
            .param("node", node.name())
            .param("head", head())
            .param("stalled", Timestamp.from(Instant.now().minus(STALLED_AFTER)))
            .update();
        if (claimed == 0) {
            throw new Conflict("A rebuild of " + processor + " is under way: confirm or discard it first.");
        }
        workers.submit(() -> run(projection));
        return status(processor).orElseThrow();
    }

    /** Asks the rebuilding node to swap the rebuilt tables in. */
    public RebuildStatus confirm(String processor) {
        if (status(processor).filter(RebuildStatus::stalled).isPresent()) {
            throw new Conflict("The node rebuilding " + processor + " has stopped reporting: discard the "
                    + "rebuild and start it again.");
        }
        change(processor, "SET state = 'CONFIRMED'", "state = 'READY'", "confirm");
        return status(processor).orElseThrow();
    }

    /** Gives the rebuild up; the live tables stay as they are. */
    public RebuildStatus discard(String processor) {
        RebuildStatus before = status(processor).orElseThrow(() -> nothing(processor, "discard"));
        change(processor, "SET state = 'DISCARDED', finished_at = now()", "state IN ('BUILDING', 'READY')",
                "discard");
        if (before.stalled()) {
            // Nobody is left to drop the rebuilt tables.
            transactions.executeWithoutResult(status -> new ShadowTables(jdbc, processor, List.of()).drop());
        }
        return status(processor).orElseThrow();
    }

    public Optional<RebuildStatus> status(String processor) {
        return jdbc.sql("SELECT * FROM projection_rebuild WHERE processor = :processor")
                   .param("processor", processor).query(this::toStatus).optional();
    }

    public List<RebuildStatus> statuses() {
        return jdbc.sql("SELECT * FROM projection_rebuild ORDER BY started_at DESC").query(this::toStatus).list();
    }

    private void change(String processor, String set, String when, String what) {
        int changed = jdbc.sql("UPDATE projection_rebuild " + set + " WHERE processor = :processor AND " + when)
                          .param("processor", processor).update();
        if (changed == 0) {
            throw nothing(processor, what);
        }
    }

    private RuntimeException nothing(String processor, String what) {
        return status(processor).<RuntimeException>map(rebuild -> new Conflict("There is nothing to " + what
                        + ": the rebuild of " + processor + " is " + rebuild.state().toLowerCase() + "."))
                .orElseGet(() -> new NotFoundException("No rebuild of " + processor + " was started."));
    }

    private void run(ReadModelProjection projection) {
        String processor = projection.processor();
        ShadowTables shadow = new ShadowTables(jdbc, processor, projection.tables());
        try (RebuildJob job = new RebuildJob(projection, shadow, eventStore, transactions, jdbc, writes)) {
            transactions.executeWithoutResult(status -> shadow.create());
            log.info("Rebuilding {} into {}", processor, shadow.schema());
            if (build(processor, job)) {
                follow(processor, job);
            }
        } catch (RuntimeException failed) {
            log.warn("Rebuilding {} failed", processor, failed);
            jdbc.sql("UPDATE projection_rebuild SET state = 'FAILED', error = :error, finished_at = now(), "
                            + "updated_at = now() WHERE processor = :processor")
                .param("processor", processor).param("error", String.valueOf(failed.getMessage())).update();
            transactions.executeWithoutResult(status -> shadow.drop());
        }
    }

    /** Reads every event into the rebuilt tables; answers whether it got to the end (rather than being discarded). */
    private boolean build(String processor, RebuildJob job) {
        long started = System.nanoTime();
        long handled = 0;
        long reported = 0;
        while (!Thread.currentThread().isInterrupted()) {
            RebuildJob.Step step = job.next();
            handled += step.events();
            double perSecond = handled / Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            boolean caughtUp = step.events() == 0;
            if (caughtUp || System.nanoTime() - reported > REPORT_EVERY.toNanos()) {
                reported = System.nanoTime();
                if (!report(processor, job, handled, perSecond)) {
                    job.dropShadow();
                    return false;
                }
            }
            if (caughtUp) {
                String diff = json.writeValueAsString(job.diff());
                jdbc.sql("UPDATE projection_rebuild SET state = 'READY', diff = :diff, position = :position, "
                                + "skipped_events = :skippedEvents, skipped = :skipped, updated_at = now() "
                                + "WHERE processor = :processor AND state = 'BUILDING'")
                    .param("processor", processor).param("diff", diff).param("position", job.position())
                    .param("skippedEvents", job.skippedEvents())
                    .param("skipped", json.writeValueAsString(job.skipped())).update();
                log.info("Rebuilt {} up to event {} ({} events, {} per second): waiting for an operator", processor,
                        job.position(), handled, Math.round(perSecond));
                return true;
            }
        }
        return false;
    }

    /** Follows new events until an operator confirms (swap) or discards (drop). */
    private void follow(String processor, RebuildJob job) {
        while (!Thread.currentThread().isInterrupted()) {
            String state = jdbc.sql("SELECT state FROM projection_rebuild WHERE processor = :processor")
                               .param("processor", processor).query(String.class).single();
            switch (state) {
                case "CONFIRMED" -> {
                    job.swap();
                    jdbc.sql("UPDATE projection_rebuild SET state = 'SWITCHED', position = :position, "
                                    + "finished_at = now(), updated_at = now() WHERE processor = :processor")
                        .param("processor", processor).param("position", job.position()).update();
                    log.info("Swapped the rebuilt {} in at event {}", processor, job.position());
                    return;
                }
                case "READY" -> {
                    job.next();
                    jdbc.sql("UPDATE projection_rebuild SET position = :position, head = :head, updated_at = now() "
                                    + "WHERE processor = :processor")
                        .param("processor", processor).param("position", job.position()).param("head", head())
                        .update();
                }
                default -> {
                    job.dropShadow();
                    return;
                }
            }
        }
    }

    /** Records progress; answers false when the rebuild was discarded meanwhile. */
    private boolean report(String processor, RebuildJob job, long handled, double perSecond) {
        return jdbc.sql("""
                UPDATE projection_rebuild SET position = :position, head = :head, events = :events,
                       per_second = :perSecond, skipped_events = :skippedEvents, updated_at = now()
                WHERE processor = :processor AND state = 'BUILDING'""")
            .param("processor", processor).param("position", job.position()).param("head", head())
            .param("events", handled).param("perSecond", perSecond).param("skippedEvents", job.skippedEvents())
            .update() == 1;
    }

    private long head() {
        return eventStore.createHeadToken() == null ? -1 : eventStore.createHeadToken().position().orElse(-1);
    }

    private RebuildStatus toStatus(ResultSet row, int rowNumber) throws SQLException {
        long position = row.getLong("position");
        long head = Math.max(row.getLong("head"), position);
        double perSecond = row.getDouble("per_second");
        String state = row.getString("state");
        Instant updatedAt = row.getTimestamp("updated_at").toInstant();
        boolean working = state.equals("BUILDING") || state.equals("READY") || state.equals("CONFIRMED");
        String diff = row.getString("diff");
        String skipped = row.getString("skipped");
        Timestamp finishedAt = row.getTimestamp("finished_at");
        return new RebuildStatus(row.getString("processor"), row.getString("node"), state, position, head,
                head <= 0 ? 1 : Math.max(0, position) / (double) head, row.getLong("events"), perSecond,
                state.equals("BUILDING") && perSecond > 0 ? Math.round((head - position) / perSecond) : null,
                working && updatedAt.isBefore(Instant.now().minus(STALLED_AFTER)),
                diff == null ? null : json.readValue(diff, new TypeReference<List<TableDiff>>() {
                }),
                row.getLong("skipped_events"), skipped == null ? List.of()
                        : json.readValue(skipped, new TypeReference<List<SkippedEvent>>() {
                        }),
                row.getString("error"), row.getTimestamp("started_at").toInstant(), updatedAt,
                finishedAt == null ? null : finishedAt.toInstant());
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
