package dev.stagehand.gateway.chatroom;

import dev.stagehand.gateway.BrowserScenario;
import dev.stagehand.gateway.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Chromium, twice: an anonymous reader and an operator logged in with Twitch, in a room of their own (so that its new
 * style changes no other test's room).
 */
@Order(IntegrationTest.BROWSER_SCENARIOS)
@ResourceLock(IntegrationTest.APPLICATION_STARTS)
class RoomsBrowserTest extends IntegrationTest {

    @Test
    void anAnonymousReaderAndALoggedInOperatorShareARoom() throws Exception {
        operator().post().uri("/api/rooms").bodyValue(Map.of("slug", "browser-room", "title", "Browser Room",
                "style", Map.of("name", "Plain", "prompt", "Say it plainly.", "rules", Map.of("replacements",
                        Map.of(), "openers", List.of(), "closers", List.of(), "emojis", List.of()))))
                .exchange().expectStatus().isCreated();
        sim.oauth().approveAs(OPERATOR);
        BrowserScenario.run("rooms.e2e.mjs", baseUrl().replace("localhost", "127.0.0.1"));
    }
}
