package dev.stagehand.gateway.twitch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.gateway.IntegrationTest;
import org.junit.jupiter.api.Test;

class PlatformApiTest extends IntegrationTest {

    @Test
    void anyoneCanSeeThatThisDeploymentRunsInDemoMode() {
        anonymous().get().uri("/api/platform").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.demo").isEqualTo(true)
                .jsonPath("$.twitchSimulator").value(url -> assertThat((String) url)
                        .matches("http://127\\.0\\.0\\.1:\\d+/sim"));
    }
}
