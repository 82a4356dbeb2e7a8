package dev.stagehand.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.gateway.WebUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

class ProjectionReplayTest extends IntegrationTest {

    private static final String ALL_ACCOUNTS = "SELECT * FROM account_view ORDER BY account_id";
    private static final String ALL_IDENTITIES = "SELECT * FROM account_identity_view ORDER BY account_id, provider";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void replayRebuildsADeletedReadModelExactly() {
        List<WebUser> viewers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            viewers.add(i % 2 == 0 ? twitchUser("replayed_viewer_" + i) : discordUser("replayed_viewer_" + i));
        }
        List<String> ids = viewers.stream().map(this::accountId).toList();
        as(viewers.get(3)).put().uri("/api/me/display-name").bodyValue(Map.of("displayName", "Renamed"))
                .exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).until(() -> processor().lag() == 0L);
        List<Map<String, Object>> before = jdbc.sql(ALL_ACCOUNTS).query().listOfRows();
        assertThat(before).extracting(row -> row.get("account_id")).containsAll(ids);

        List<Map<String, Object>> identitiesBefore = jdbc.sql(ALL_IDENTITIES).query().listOfRows();
        // Lose every row but the operator's, who must stay logged in to ask for the replay.
        WebTestClient operator = operator();
        jdbc.sql("DELETE FROM account_view WHERE NOT operator").update();
        as(viewers.get(0)).get().uri("/api/me").exchange().expectStatus().isUnauthorized();

        operator.post().uri("/api/admin/processors/accounts/replay").exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.name").isEqualTo("accounts");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ProcessorStatus status = processor();
            assertThat(status.replaying()).isFalse();
            assertThat(status.lag()).isZero();
            assertThat(jdbc.sql(ALL_ACCOUNTS).query().listOfRows()).isEqualTo(before);
            assertThat(jdbc.sql(ALL_IDENTITIES).query().listOfRows()).isEqualTo(identitiesBefore);
        });
        as(viewers.get(3)).get().uri("/api/me").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.displayName").isEqualTo("Renamed");
    }

    @Test
    void listsEveryProcessorWithItsPositionAndLag() {
        twitchUser("counted_viewer");
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
