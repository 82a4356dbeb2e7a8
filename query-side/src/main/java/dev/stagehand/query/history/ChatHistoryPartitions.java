package dev.stagehand.query.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The days of {@code chat_message}, one partition each (UTC): created when the first record of a day arrives, on
 * whichever node writes it; given their search indexes once the day has ended (today's partition only has its primary
 * key, so that writing keeps up with chat at its peak); dropped whole when the retention period has passed.
 */
@Component
class ChatHistoryPartitions {

    private static final Logger log = LoggerFactory.getLogger(ChatHistoryPartitions.class);
    private static final String PREFIX = "chat_message_p";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** The expression searches by words use; the index on it must be exactly the same. */
    static final String WORDS = "to_tsvector('simple', coalesce(text, ''))";
    private static final Map<String, String> SEARCH_INDEXES = Map.of(
            "user", "(channel_id, user_login, sent_at)",
            "words", "USING GIN (" + WORDS + ")");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Set<LocalDate> existing = ConcurrentHashMap.newKeySet();

    ChatHistoryPartitions(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Makes sure {@code day} has its partition. */
    void ensure(LocalDate day) {
        if (existing.contains(day)) {
            return;
        }
        change("CREATE TABLE IF NOT EXISTS " + PREFIX + DAY.format(day) + " PARTITION OF chat_message"
               + " FOR VALUES FROM ('" + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')");
        existing.add(day);
    }

    /** Drops every day before {@code firstKept}; answers how many. */
    int dropBefore(LocalDate firstKept) {
        List<String> expired = days().stream().filter(day -> day.isBefore(firstKept))
                .map(day -> PREFIX + DAY.format(day)).toList();
        for (String partition : expired) {
            change("DROP TABLE IF EXISTS " + partition);
            log.info("Chat history of {} is past its retention period and was dropped",
                    LocalDate.parse(partition.substring(PREFIX.length()), DAY));
        }
        existing.removeIf(day -> day.isBefore(firstKept));
        return expired.size();
    }

    /**
     * Builds the search indexes of every day before {@code today} that lacks them (or whose last build failed), without
     * stopping writes to it; answers how many were built.
     */
    int indexDaysBefore(LocalDate today) {
        int built = 0;
        for (LocalDate day : days()) {
            if (!day.isBefore(today)) {
                continue;
            }
            String partition = PREFIX + DAY.format(day);
            for (Map.Entry<String, String> index : SEARCH_INDEXES.entrySet()) {
                String name = partition + "_" + index.getKey();
                Boolean valid = jdbc.sql("""
                            SELECT pg_index.indisvalid FROM pg_index JOIN pg_class ON pg_class.oid = pg_index.indexrelid
                            WHERE pg_class.relname = :name""")
                        .param("name", name).query(Boolean.class).optional().orElse(null);
                if (Boolean.TRUE.equals(valid)) {
                    continue;
                }
                if (valid != null) {
                    jdbc.sql("DROP INDEX CONCURRENTLY IF EXISTS " + name).update();
                }
                jdbc.sql("CREATE INDEX CONCURRENTLY " + name + " ON " + partition + " " + index.getValue()).update();
                built++;
            }
        }
        return built;
    }

    /** Two nodes changing the partitions at once would fail on PostgreSQL's catalog: one waits for the other. */
    private void change(String ddl) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('stagehand:chat_message partitions'))").query()
                .listOfRows();
            jdbc.sql(ddl).update();
        });
    }

    /** The days that have a partition, oldest first. */
    List<LocalDate> days() {
        return jdbc.sql("""
                    SELECT child.relname FROM pg_inherits
                    JOIN pg_class child ON child.oid = pg_inherits.inhrelid
                    JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
                    WHERE parent.relname = 'chat_message' AND child.relname LIKE 'chat_message_p%'""")
                   .query(String.class).list().stream()
                   .map(name -> LocalDate.parse(name.substring(PREFIX.length()), DAY))
                   .sorted().toList();
    }

    static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
