package dev.stagehand.gateway.dashboard;

import dev.stagehand.gateway.BrowserScenario;
import dev.stagehand.gateway.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class DashboardBrowserTest extends IntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void theDashboardShowsEveryPartUp() throws Exception {
        BrowserScenario.run("dashboard.e2e.mjs", "http://127.0.0.1:" + port);
    }
}
