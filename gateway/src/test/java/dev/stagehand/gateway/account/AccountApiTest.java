package dev.stagehand.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API → command → event in PostgreSQL → projection → query, for real. */
class AccountApiTest extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void registrationIsStoredAsAnEventAndAnsweredFromTheReadModel() {
        Map<?, ?> created = operator().post().uri("/api/accounts")
                .bodyValue(Map.of("displayName", "  Ada Lovelace  "))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/accounts/"))
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) created.get("id");
        assertThat(created.get("displayName")).isEqualTo("Ada Lovelace");
        assertThat(created.get("operator")).isEqualTo(false);

        Map<String, Object> stored = jdbc.sql("""
                        SELECT payload_type, payload_revision, sequence_number, convert_from(payload, 'UTF8') AS json
                        FROM domain_event_entry WHERE aggregate_identifier = :id""")
                .param("id", id).query().singleRow();
        assertThat(stored.get("payload_type")).isEqualTo("dev.stagehand.api.account.AccountRegistered");
        assertThat(stored.get("payload_revision")).isEqualTo("1");
        assertThat(stored.get("sequence_number")).isEqualTo(0L);
        assertThat((String) stored.get("json")).contains("\"displayName\":\"Ada Lovelace\"");

        operator().get().uri("/api/accounts/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.displayName").isEqualTo("Ada Lovelace")
                .jsonPath("$.registeredAt").isNotEmpty();
    }

    @Test
    void renamingAndGrantingTheOperatorRoleReachTheReadModel() {
        String id = registerAccount("Grace");

        operator().put().uri("/api/accounts/{id}/display-name", id).bodyValue(Map.of("displayName", "Grace Hopper"))
                .exchange().expectStatus().isNoContent();
        operator().post().uri("/api/accounts/{id}/operator-role", id).exchange().expectStatus().isNoContent();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> operator().get().uri("/api/accounts/{id}", id)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.displayName").isEqualTo("Grace Hopper")
                .jsonPath("$.operator").isEqualTo(true));
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(3L);
    }

    @Test
    void theAccountsApiNeedsTheOperatorToken() {
        anonymous().post().uri("/api/accounts").bodyValue(Map.of("displayName", "Mallory"))
                .exchange().expectStatus().isUnauthorized();
        assertThat(jdbc.sql("SELECT count(*) FROM account_view WHERE display_name = 'Mallory'")
                .query(Long.class).single()).isZero();
    }
}
