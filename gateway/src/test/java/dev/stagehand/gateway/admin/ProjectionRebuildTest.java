package dev.stagehand.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.query.rebuild.RebuildStatus;
import dev.stagehand.query.rebuild.TableDiff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;


/**
 * A projection rebuilt beside its live tables from 100,000 events: queries keep answering from the old tables all
 * along, the operator sees how the rebuilt tables differ, and confirming swaps them in once, atomically; the live
 * processor goes on writing the new tables.
 *
 * Isolated: its hundred thousand events keep every live processor busy for a while, which would fail the read-model
 * waits of a test running beside it; JUnit runs it alone, after the others.
 */
@Isolated
class ProjectionRebuildTest extends IntegrationTest {

    private static final String ROOM = "rebuild-hundred-k";
    private static final int BANNED = 60_000;
    private static final int UNBANNED = 40_000;
    private static final String BANS = "SELECT count(*) FROM chat_room_ban_view WHERE slug = '" + ROOM + "'";
    private static final String TABLE = "SELECT 'public.chat_room_ban_view'::regclass::oid::bigint";
    private static final String REBUILD_SCHEMAS =
            "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'rebuild%'";

    @Autowired
    private EventStore eventStore;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void aRebuildOfAHundredThousandEventsServesTheOldTablesUntilConfirmedThenSwapsOnce() throws Exception {
        WebTestClient operator = operator();
        createRoom(operator, ROOM);
        RoomBans.append(eventStore, ROOM, BANNED, UNBANNED, 50_000, "rebuilt");
        await().atMost(Duration.ofMinutes(3)).until(() -> count(BANS) == BANNED - UNBANNED);

        // The live tables drift from the events (as after a bug in the projection): three rows lost, one changed,
        // one that no event made.
        jdbc.sql("DELETE FROM chat_room_ban_view WHERE slug = :room AND account_id IN ('a59997', 'a59998', 'a59999')")
            .param("room", ROOM).update();
        jdbc.sql("UPDATE chat_room_ban_view SET reason = 'tampered' WHERE slug = :room AND account_id = 'a50000'")
            .param("room", ROOM).update();
        jdbc.sql("INSERT INTO chat_room_ban_view VALUES (:room, 'nobody', 'made up', now())").param("room", ROOM)
            .update();
        long drifted = count(BANS);

        List<Long> tablesSeen = new CopyOnWriteArrayList<>();
        Set<Long> bansSeen = ConcurrentHashMap.newKeySet();
        AtomicInteger reads = new AtomicInteger();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (watching.get()) {
                long table = count(TABLE);
                if (tablesSeen.isEmpty() || tablesSeen.get(tablesSeen.size() - 1) != table) {
                    tablesSeen.add(table);
                }
                bansSeen.add(count(BANS));
                reads.incrementAndGet();
            }
        });
        reader.start();

        operator.post().uri("/api/admin/processors/chat-rooms/rebuild").exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.state").isEqualTo("BUILDING");
        operator.post().uri("/api/admin/processors/chat-rooms/rebuild").exchange().expectStatus().isEqualTo(409);
        List<Double> progress = new ArrayList<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            RebuildStatus status = Rebuilds.status(operator, "chat-rooms");
            progress.add(status.progress());
            operator.get().uri("/api/rooms/{room}", ROOM).exchange().expectStatus().isOk();
            return status.state().equals("READY");
        });
        assertThat(count(BANS)).as("the old tables still serve").isEqualTo(drifted);
        assertThat(progress).as("progress is reported").isSorted().contains(1.0);

        RebuildStatus ready = Rebuilds.status(operator, "chat-rooms");
        assertThat(ready.events()).isGreaterThanOrEqualTo(BANNED + UNBANNED);
        TableDiff bans = ready.diff().stream().filter(diff -> diff.table().equals("chat_room_ban_view")).findFirst()
                .orElseThrow();
        assertThat(bans.added()).isEqualTo(3);
        assertThat(bans.removed()).isEqualTo(1);
        assertThat(bans.changed()).isEqualTo(1);
        assertThat(bans.samples()).hasSize(5);
        assertThat(ready.diff().stream().filter(diff -> diff.table().equals("chat_room_view")).findFirst()
                .orElseThrow().changed()).isZero();

        Rebuilds.confirm(operator, "chat-rooms");
        // The read under way as the swap was confirmed may have begun before it: one more, begun after, sees it.
        int readsAtTheSwitch = reads.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> reads.get() >= readsAtTheSwitch + 2);
        watching.set(false);
        reader.join();
        assertThat(tablesSeen).as("one switch, at the end").hasSize(2);
        assertThat(bansSeen).as("queries saw the old tables, then the new ones, nothing between")
                .containsOnly(drifted, (long) BANNED - UNBANNED);
        assertThat(count(BANS)).isEqualTo(BANNED - UNBANNED);
        assertThat(jdbc.sql("SELECT reason FROM chat_room_ban_view WHERE slug = :room AND account_id = 'a50000'")
                .param("room", ROOM).query(String.class).single()).isEqualTo("rebuilt");
        assertThat(count(REBUILD_SCHEMAS)).isZero();

        // The live processor goes on with the new tables.
        operator.post().uri("/api/rooms/{room}/bans", ROOM).bodyValue(Map.of("accountId", "after-the-swap",
                "reason", "late")).exchange().expectStatus().is2xxSuccessful();
        await().atMost(Duration.ofSeconds(30)).until(() -> count(BANS) == BANNED - UNBANNED + 1);
        operator.post().uri("/api/admin/processors/chat-rooms/rebuild/confirm").exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void theEventsOfManyAggregatesAreRebuiltInPartsSideBySideEachAggregateInOrder() {
        WebTestClient operator = operator();
        List<String> rooms = IntStream.range(0, 12).mapToObj(room -> "rebuilt-in-parts-" + room).toList();
        for (String room : rooms) {
            createRoom(operator, room);
            RoomBans.append(eventStore, room, 300, 200, -1, null);
        }
        String bans = "SELECT slug || ' ' || account_id || ' ' || reason FROM chat_room_ban_view "
                + "WHERE slug LIKE 'rebuilt-in-parts-%' ORDER BY 1";
        await().atMost(Duration.ofMinutes(1)).until(() -> jdbc.sql(bans).query(String.class).list().size() == 1200);
        List<String> live = jdbc.sql(bans).query(String.class).list();

        Rebuilds.startAndAwaitReady(operator, "chat-rooms");
        Rebuilds.confirm(operator, "chat-rooms");

        assertThat(jdbc.sql(bans).query(String.class).list()).as("every room's unbans after its bans").isEqualTo(live)
                .contains("rebuilt-in-parts-0 a200 spam", "rebuilt-in-parts-11 a299 spam")
                .doesNotContain("rebuilt-in-parts-0 a199 spam");
    }

    @Test
    void aDiscardedRebuildLeavesTheLiveTablesAlone() {
        WebTestClient operator = operator();
        long table = count("SELECT 'public.highlight_settings_view'::regclass::oid::bigint");
        Rebuilds.startAndAwaitReady(operator, "highlight-settings");
        operator.post().uri("/api/admin/processors/highlight-settings/rebuild/discard").exchange()
                .expectStatus().isAccepted().expectBody().jsonPath("$.state").isEqualTo("DISCARDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> count(REBUILD_SCHEMAS) == 0);
        assertThat(count("SELECT 'public.highlight_settings_view'::regclass::oid::bigint")).isEqualTo(table);
        operator.post().uri("/api/admin/processors/highlight-settings/rebuild/discard").exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void sagasAndUnknownProcessorsAreNotRebuilt() {
        operator().post().uri("/api/admin/processors/{name}/rebuild", "no-such-processor").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("No event processor is named no-such-processor.");
        operator().post().uri("/api/admin/processors/{name}/rebuild", "ClipSagaProcessor").exchange()
                .expectStatus().isEqualTo(409);
        operator().get().uri("/api/admin/processors").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.name == 'accounts')].rebuildable").isEqualTo(true)
                .jsonPath("$[?(@.name == 'ClipSagaProcessor')].rebuildable").isEqualTo(false);
        as(twitchUser("rebuild_curious")).post().uri("/api/admin/processors/accounts/rebuild").exchange()
                .expectStatus().isForbidden();
    }

    private static void createRoom(WebTestClient operator, String slug) {
        operator.post().uri("/api/rooms").bodyValue(Map.of("slug", slug, "title", "Rebuilt", "style",
                Map.of("name", "Plain", "prompt", "Say it plainly.", "rules", Map.of("replacements", Map.of(),
                        "openers", List.of(), "closers", List.of(), "emojis", List.of())))).exchange()
                .expectStatus().isCreated();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
