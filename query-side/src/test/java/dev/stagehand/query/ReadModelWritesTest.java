package dev.stagehand.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagehand.platform.axon.ReadModelWrites;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** A read model's statements: at once without a batch; with one, kept until it is flushed, then sent in order. */
class ReadModelWritesTest extends ProjectionTest {

    private static final Timestamp AT = Timestamp.from(Instant.parse("2026-12-05T12:00:00Z"));

    @BeforeEach
    void clear() {
        JDBC.sql("DELETE FROM chat_room_view WHERE slug LIKE 'writes-%'").update();
    }

    @Test
    void withoutABatchAStatementRunsAtOnce() {
        create("writes-now", "Now");
        assertThat(title("writes-now")).isEqualTo("Now");
    }

    @Test
    void aBatchKeepsItsStatementsUntilFlushedThenSendsThemInOrder() {
        try (ReadModelWrites.Batch batch = WRITES.open()) {
            create("writes-a", "First");
            create("writes-b", "First");
            rename("writes-a", "Second");
            create("writes-c", "First");
            rename("writes-a", "Third");
            assertThat(rooms()).isZero();
            batch.flush();
        }
        assertThat(rooms()).isEqualTo(3);
        assertThat(title("writes-a")).isEqualTo("Third");
    }

    @Test
    void theStatementsOfAFailedHandlerAreForgotten() {
        try (ReadModelWrites.Batch batch = WRITES.open()) {
            create("writes-kept", "Kept");
            int failedHandler = batch.mark();
            create("writes-forgotten", "Forgotten");
            batch.discardFrom(failedHandler);
            create("writes-after", "After");
            batch.flush();
        }
        assertThat(rooms()).isEqualTo(2);
        assertThat(JDBC.sql("SELECT count(*) FROM chat_room_view WHERE slug = 'writes-forgotten'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void aFailingStatementFailsTheFlushAndAClosedBatchLeavesNothingBehind() {
        try (ReadModelWrites.Batch batch = WRITES.open()) {
            create("writes-twice", "One");
            WRITES.sql("INSERT INTO chat_room_view (slug, title, style, created_at, updated_at) "
                    + "VALUES (:slug, NULL, '{}', :at, :at)").param("slug", "writes-untitled").param("at", AT)
                    .update();
            assertThatThrownBy(batch::flush).isInstanceOf(DataIntegrityViolationException.class);
            assertThatThrownBy(WRITES::open).isInstanceOf(IllegalStateException.class);
        }
        create("writes-after-close", "At once again");
        assertThat(title("writes-after-close")).isEqualTo("At once again");
    }

    private static void create(String slug, String title) {
        WRITES.sql("INSERT INTO chat_room_view (slug, title, style, created_at, updated_at) "
                + "VALUES (:slug, :title, '{}', :at, :at)").param("slug", slug).param("title", title).param("at", AT)
                .update();
    }

    private static void rename(String slug, String title) {
        WRITES.sql("UPDATE chat_room_view SET title = :title WHERE slug = :slug").param("slug", slug)
                .param("title", title).update();
    }

    private static long rooms() {
        return JDBC.sql("SELECT count(*) FROM chat_room_view WHERE slug LIKE 'writes-%'").query(Long.class).single();
    }

    private static String title(String slug) {
        return JDBC.sql("SELECT title FROM chat_room_view WHERE slug = :slug").param("slug", slug).query(String.class)
                .single();
    }
}
