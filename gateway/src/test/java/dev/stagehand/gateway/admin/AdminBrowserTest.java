package dev.stagehand.gateway.admin;

import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.BrowserScenario;
import dev.stagehand.gateway.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chromium on the Admin page: an operator starts a rebuild of the chat-rooms projection (made long enough to watch by
 * 60,000 events), follows its progress to the end, reads the diff (one row only the live tables have) and swaps it in.
 */
@Order(IntegrationTest.BROWSER_SCENARIOS)
@ResourceLock(IntegrationTest.APPLICATION_STARTS)
class AdminBrowserTest extends IntegrationTest {

    private static final String ROOM = "admin-browser-room";

    @Autowired
    private EventStore eventStore;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void anOperatorRebuildsAProjectionAndSwapsItIn() throws Exception {
        operator().post().uri("/api/rooms").bodyValue(Map.of("slug", ROOM, "title", "Admin Browser Room", "style",
                Map.of("name", "Plain", "prompt", "Say it plainly.", "rules", Map.of("replacements", Map.of(),
                        "openers", List.of(), "closers", List.of(), "emojis", List.of())))).exchange()
                .expectStatus().isCreated();
        RoomBans.append(eventStore, ROOM, 40_000, 20_000, -1, null);
        String bans = "SELECT count(*) FROM chat_room_ban_view WHERE slug = '" + ROOM + "'";
        await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.sql(bans).query(Long.class).single() == 20_000);
        jdbc.sql("INSERT INTO chat_room_ban_view VALUES (:room, 'only-live', 'no event made this', now())")
            .param("room", ROOM).update();

        sim.oauth().approveAs(OPERATOR);
        BrowserScenario.run("admin.e2e.mjs", baseUrl().replace("localhost", "127.0.0.1"));
    }
}
