package dev.stagehand.query.history;

import dev.stagehand.query.DayPartitions;
import java.time.LocalDate;
import java.util.Map;
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

    /** The expression searches by words use; the index on it must be exactly the same. */
    static final String WORDS = "to_tsvector('simple', coalesce(text, ''))";
    private static final Map<String, String> SEARCH_INDEXES = Map.of(
            "user", "(channel_id, user_login, sent_at)",
            "words", "USING GIN (" + WORDS + ")");

    private final JdbcClient jdbc;
    private final DayPartitions days;

    ChatHistoryPartitions(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.days = new DayPartitions(jdbc, transactions, "chat_message");
    }

    /** Makes sure {@code day} has its partition. */
    void ensure(LocalDate day) {
        days.ensure(day);
    }

    /** Drops every day before {@code firstKept}; answers how many. */
    int dropBefore(LocalDate firstKept) {
        return days.dropBefore(firstKept);
    }

    /**
     * Builds the search indexes of every day before {@code today} that lacks them (or whose last build failed), without
     * stopping writes to it; answers how many were built.
     */
    int indexDaysBefore(LocalDate today) {
        int built = 0;
        for (LocalDate day : days.days()) {
            if (!day.isBefore(today)) {
                continue;
            }
            String partition = days.partition(day);
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
}
