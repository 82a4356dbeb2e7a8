package dev.stagehand.gateway.chatroom;

import dev.stagehand.gateway.BrowserScenario;
import dev.stagehand.gateway.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Chromium, twice: an anonymous reader and a chatter logged in with Twitch, in the same room. */
class RoomsBrowserTest extends IntegrationTest {

    @Test
    void anAnonymousReaderAndALoggedInChatterShareARoom() throws Exception {
        sim.oauth().approveAs("browser_chatter");
        BrowserScenario.run("rooms.e2e.mjs", baseUrl().replace("localhost", "127.0.0.1"));
    }
}
