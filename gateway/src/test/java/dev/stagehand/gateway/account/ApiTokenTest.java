package dev.stagehand.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.gateway.WebUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Personal API tokens from making to revoking: shown once and kept as a hash, accepted as a bearer on the API for
 * their account's data without a CSRF token, read-only unless made read-write, never on the operator API unless an
 * operator made them for it, managed with a login only, limited per minute, refused once revoked or expired.
 */
class ApiTokenTest extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    private Map<?, ?> make(WebTestClient owner, Map<String, Object> request) {
        return owner.post().uri("/api/me/tokens").bodyValue(request).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private WebTestClient bearer(Object token) {
        return anonymous().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    @Test
    void aTokenReadsItsAccountsDataAndChangesItOnlyWhenMadeReadWrite() {
        WebUser owner = twitchUser("token_owner");
        WebTestClient session = as(owner);
        Map<?, ?> reader = make(session, Map.of("name", "stats script", "expiresInDays", 30));
        assertThat((String) reader.get("token")).startsWith("sht_").hasSize(47);
        assertThat(reader.get("access")).isEqualTo("read");
        assertThat(reader.get("admin")).isEqualTo(false);

        bearer(reader.get("token")).get().uri("/api/me").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(accountId(owner));
        bearer(reader.get("token")).put().uri("/api/me/display-name").bodyValue(Map.of("displayName", "Scripted"))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail")
                .isEqualTo("This token may only read: make a read-write token to change data.");

        Map<?, ?> writer = make(session, Map.of("name", "bot", "write", true));
        bearer(writer.get("token")).put().uri("/api/me/display-name").bodyValue(Map.of("displayName", "Scripted"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.displayName").isEqualTo("Scripted");
        bearer(writer.get("token")).post().uri("/api/me/tokens").bodyValue(Map.of("name", "another")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("API tokens are managed with a login, not with a token.");

        // The list never shows a token again.
        List<?> listed = session.get().uri("/api/me/tokens").exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        assertThat(listed).hasSize(2).allSatisfy(token -> assertThat(((Map<?, ?>) token).get("token")).isNull());
        assertThat(jdbc.sql("SELECT count(*) FROM api_token_view WHERE token_hash = :token")
                .param("token", reader.get("token")).query(Long.class).single()).isZero();

        session.post().uri("/api/me/tokens").bodyValue(Map.of("name", "forever", "expiresInDays", 400)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("expiresInDays is from 1 to 365");
    }

    @Test
    void onlyAnOperatorsTokenMadeForItReachesTheOperatorApi() {
        WebTestClient user = as(twitchUser("token_user"));
        Map<?, ?> users = make(user, Map.of("name", "mine", "write", true));
        bearer(users.get("token")).get().uri("/api/admin/chat").exchange().expectStatus().isForbidden();
        user.post().uri("/api/me/tokens").bodyValue(Map.of("name", "ops", "admin", true)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Only an operator's token may reach the operator API");

        Map<?, ?> operatorsPlain = make(operator(), Map.of("name", "plain"));
        bearer(operatorsPlain.get("token")).get().uri("/api/admin/chat").exchange().expectStatus().isForbidden();
        Map<?, ?> operatorsAdmin = make(operator(), Map.of("name", "ops script", "admin", true));
        bearer(operatorsAdmin.get("token")).get().uri("/api/admin/chat").exchange().expectStatus().isOk();
    }

    @Test
    void aRevokedExpiredOrUnknownTokenIsRefusedWhateverElseTheRequestCarries() {
        WebUser owner = twitchUser("token_revoker");
        WebTestClient session = as(owner);
        Map<?, ?> made = make(session, Map.of("name", "short-lived"));
        bearer(made.get("token")).get().uri("/api/me").exchange().expectStatus().isOk();
        session.delete().uri("/api/me/tokens/{id}", made.get("id")).exchange().expectStatus().isNoContent();
        bearer(made.get("token")).get().uri("/api/me").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("This API token is unknown, revoked or expired.");
        session.delete().uri("/api/me/tokens/{id}", made.get("id")).exchange().expectStatus().isNotFound();

        Map<?, ?> expiring = make(session, Map.of("name", "expiring"));
        jdbc.sql("UPDATE api_token_view SET expires_at = now() - interval '1 second' WHERE token_id = :id")
                .param("id", expiring.get("id")).update();
        bearer(expiring.get("token")).get().uri("/api/me").exchange().expectStatus().isUnauthorized();

        // A made-up token is not made good by the session cookie beside it.
        session.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer sht_made-up").build()
                .get().uri("/api/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aTokenMakesAtMostItsRequestsAMinute() {
        Map<?, ?> made = make(as(twitchUser("token_hammer")), Map.of("name", "eager"));
        WebTestClient script = bearer(made.get("token"));
        EntityExchangeResult<byte[]> refused = null;
        // 40 a minute in this test's configuration; a minute that turns meanwhile starts the count again.
        for (int i = 0; i < 100 && refused == null; i++) {
            EntityExchangeResult<byte[]> answer = script.get().uri("/api/me").exchange().expectBody()
                    .returnResult();
            if (answer.getStatus().value() == 429) {
                refused = answer;
            }
        }
        assertThat(refused).isNotNull();
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
        assertThat(new String(refused.getResponseBody())).contains("This token made 40 requests this minute");
    }
}
