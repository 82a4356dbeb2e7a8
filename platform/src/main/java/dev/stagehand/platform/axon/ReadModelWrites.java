package dev.stagehand.platform.axon;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * How a read model's event handlers write their tables. A statement runs at once, unless a batch is open on the thread
 * (a live processor's batch of events, a part of a rebuild): then it waits, and the batch sends its statements when it
 * is flushed, in the order they were made, one JDBC batch (one round trip) for each run of the same statement.
 */
@Component
public class ReadModelWrites {

    private final NamedParameterJdbcTemplate jdbc;
    private final ThreadLocal<Batch> open = new ThreadLocal<>();

    public ReadModelWrites(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Statement sql(String sql) {
        return new Statement(sql);
    }

    /** Opens a batch on this thread; close it on the same thread, flushed or not. */
    public Batch open() {
        if (open.get() != null) {
            throw new IllegalStateException("A batch of read model writes is already open on this thread.");
        }
        Batch batch = new Batch();
        open.set(batch);
        return batch;
    }

    /** One statement with named parameters, as {@code JdbcClient} takes them. */
    public final class Statement {

        private final String sql;
        private final MapSqlParameterSource parameters = new MapSqlParameterSource();

        private Statement(String sql) {
            this.sql = sql;
        }

        public Statement param(String name, Object value) {
            parameters.addValue(name, value);
            return this;
        }

        /** A parameter of a given {@link java.sql.Types type}, for a value that may be null. */
        public Statement param(String name, Object value, int sqlType) {
            parameters.addValue(name, value, sqlType);
            return this;
        }

        /** Runs the statement, or keeps it for the end of the thread's batch. */
        public void update() {
            Batch batch = open.get();
            if (batch == null) {
                jdbc.update(sql, parameters);
            } else {
                batch.pending.add(this);
            }
        }
    }

    /** The statements made on one thread since the batch was opened or last flushed. */
    public final class Batch implements AutoCloseable {

        private final List<Statement> pending = new ArrayList<>();

        private Batch() {
        }

        /** Where the statements made from now on begin, to {@link #discardFrom} them. */
        public int mark() {
            return pending.size();
        }

        /** Forgets the statements made since {@code mark} (those of a handler that failed). */
        public void discardFrom(int mark) {
            pending.subList(mark, pending.size()).clear();
        }

        /** Sends every statement kept, in order; a failure leaves the transaction to be rolled back. */
        public void flush() {
            try {
                for (int from = 0, to; from < pending.size(); from = to) {
                    String sql = pending.get(from).sql;
                    to = from + 1;
                    while (to < pending.size() && pending.get(to).sql.equals(sql)) {
                        to++;
                    }
                    jdbc.batchUpdate(sql, pending.subList(from, to).stream().map(statement -> statement.parameters)
                            .toArray(SqlParameterSource[]::new));
                }
            } finally {
                pending.clear();
            }
        }

        @Override
        public void close() {
            pending.clear();
            open.remove();
        }
    }
}
