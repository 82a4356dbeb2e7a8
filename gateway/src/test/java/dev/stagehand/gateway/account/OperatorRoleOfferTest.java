package dev.stagehand.gateway.account;

import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.gateway.WebUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first account registered is offered the operator role. Isolated: it forgets the offer already made, so that its
 * own account comes first, and an account another test registered meanwhile would take the offer instead.
 */
@Isolated
class OperatorRoleOfferTest extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void theFirstAccountRegisteredIsOfferedTheOperatorRoleAndNobodyElse() {
        jdbc.sql("DELETE FROM operator_role_offer").update();
        try {
            WebUser first = twitchUser("first_on_the_scene");
            WebUser second = twitchUser("second_on_the_scene");
            as(second).get().uri("/api/me").exchange().expectBody().jsonPath("$.operatorRoleOffered").isEqualTo(false);
            as(second).post().uri("/api/me/operator-role").exchange().expectStatus().isEqualTo(409);

            as(first).get().uri("/api/me").exchange().expectBody().jsonPath("$.operatorRoleOffered").isEqualTo(true);
            as(first).post().uri("/api/me/operator-role").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.operator").isEqualTo(true)
                    .jsonPath("$.operatorRoleOffered").isEqualTo(false);
            as(first).get().uri("/api/admin/processors").exchange().expectStatus().isOk();
            as(first).post().uri("/api/me/operator-role").exchange().expectStatus().isEqualTo(409);
        } finally {
            twitchUser(OPERATOR);
        }
    }
}
