package dev.stagehand.gateway.dashboard;

import dev.stagehand.gateway.BrowserScenario;
import dev.stagehand.gateway.IntegrationTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Chromium logs in through the simulator with Twitch, uses the dashboard (channels, overlays, a Discord webhook that
 * announces a live demo streamer), links Discord and logs out.
 */
@Order(IntegrationTest.BROWSER_SCENARIOS)
@ResourceLock(IntegrationTest.APPLICATION_STARTS)
class DashboardBrowserTest extends IntegrationTest {

    @Test
    void aStreamerLogsInLinksDiscordAndLogsOut() throws Exception {
        sim.oauth().approveAs("browser_streamer");
        sim.discord().approveAs("browser_admin");
        sim.world().user("browser_live");
        BrowserScenario.run("dashboard.e2e.mjs", baseUrl().replace("localhost", "127.0.0.1"),
                "http://127.0.0.1:" + sim.port() + "/sim");
    }
}
