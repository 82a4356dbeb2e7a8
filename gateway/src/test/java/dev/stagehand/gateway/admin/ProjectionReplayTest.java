package dev.stagehand.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ProjectionReplayTest extends IntegrationTest {

    private static final String ALL_ACCOUNTS = "SELECT * FROM account_view ORDER BY account_id";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void replayRebuildsADeletedReadModelExactly() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(registerAccount("Viewer " + i));
        }
        operator().put().uri("/api/accounts/{id}/display-name", ids.get(3)).bodyValue(Map.of("displayName", "Renamed"))
                .exchange().expectStatus().isNoContent();
        operator().post().uri("/api/accounts/{id}/operator-role", ids.get(5)).exchange().expectStatus().isNoContent();
        await().atMost(Duration.ofSeconds(10)).until(() -> processor().lag() == 0L);
        List<Map<String, Object>> before = jdbc.sql(ALL_ACCOUNTS).query().listOfRows();
        assertThat(before).extracting(row -> row.get("account_id")).containsAll(ids);

        jdbc.sql("DELETE FROM account_view").update();
        operator().get().uri("/api/accounts/{id}", ids.get(0)).exchange().expectStatus().isNotFound();

        operator().post().uri("/api/admin/processors/accounts/replay").exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.name").isEqualTo("accounts");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ProcessorStatus status = processor();
            assertThat(status.replaying()).isFalse();
            assertThat(status.lag()).isZero();
            assertThat(jdbc.sql(ALL_ACCOUNTS).query().listOfRows()).isEqualTo(before);
        });
        operator().get().uri("/api/accounts/{id}", ids.get(3)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.displayName").isEqualTo("Renamed");
    }

    @Test
    void listsEveryProcessorWithItsPositionAndLag() {
        registerAccount("Counted");
        await().atMost(Duration.ofSeconds(10)).until(() -> processor().lag() == 0L);
        operator().get().uri("/api/admin/processors").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.name == 'accounts')].running").isEqualTo(true)
                .jsonPath("$[?(@.name == 'accounts')].error").isEqualTo(false)
                .jsonPath("$[?(@.name == 'accounts')].deadLetters").isEqualTo(0);
        ProcessorStatus accounts = processor();
        assertThat(accounts.headPosition()).isPositive();
        assertThat(accounts.position()).isEqualTo(accounts.headPosition());
        assertThat(accounts.segments()).isNotEmpty().allSatisfy(segment -> assertThat(segment.owner()).isNotBlank());
    }

    @Test
    void anUnknownProcessorIsNotFound() {
        operator().post().uri("/api/admin/processors/{name}/replay", "no-such-processor").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("No event processor is named no-such-processor.");
    }

    private ProcessorStatus processor() {
        return operator().get().uri("/api/admin/processors/accounts").exchange()
                .expectStatus().isOk()
                .expectBody(ProcessorStatus.class).returnResult().getResponseBody();
    }
}
