package dev.stagehand.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The days of a table partitioned by a UTC day (its partitions are named {@code <table>_p<yyyyMMdd>}): created when the
 * first row of a day is written, on whichever node writes it, and dropped whole when a retention period has passed.
 */
public final class DayPartitions {

    private static final Logger log = LoggerFactory.getLogger(DayPartitions.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String table;
    private final String prefix;
    private final Set<LocalDate> existing = ConcurrentHashMap.newKeySet();

    public DayPartitions(JdbcClient jdbc, TransactionTemplate transactions, String table) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.table = table;
        this.prefix = table + "_p";
    }

    public static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** The partition of {@code day}. */
    public String partition(LocalDate day) {
        return prefix + DAY.format(day);
    }

    /** Makes sure {@code day} has its partition. */
    public void ensure(LocalDate day) {
        if (existing.contains(day)) {
            return;
        }
        change("CREATE TABLE IF NOT EXISTS " + partition(day) + " PARTITION OF " + table
               + " FOR VALUES FROM ('" + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')");
        existing.add(day);
    }

    /** Drops every day before {@code firstKept}; answers how many. */
    public int dropBefore(LocalDate firstKept) {
        List<LocalDate> expired = days().stream().filter(day -> day.isBefore(firstKept)).toList();
        for (LocalDate day : expired) {
            change("DROP TABLE IF EXISTS " + partition(day));
            log.info("The {} of {} are past their retention period and were dropped", table, day);
        }
        existing.removeIf(day -> day.isBefore(firstKept));
        return expired.size();
    }

    /** Two nodes changing the partitions at once would fail on PostgreSQL's catalog: one waits for the other. */
    private void change(String ddl) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:lock))").param("lock", "stagehand:" + table
                    + " partitions").query().listOfRows();
            jdbc.sql(ddl).update();
        });
    }

    /** The days that have a partition, oldest first. */
    public List<LocalDate> days() {
        return jdbc.sql("""
                    SELECT child.relname FROM pg_inherits
                    JOIN pg_class child ON child.oid = pg_inherits.inhrelid
                    JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
                    WHERE parent.relname = :table AND child.relname LIKE :prefix""")
                   .param("table", table).param("prefix", prefix + "%")
                   .query(String.class).list().stream()
                   .map(name -> LocalDate.parse(name.substring(prefix.length()), DAY))
                   .sorted().toList();
    }
}
