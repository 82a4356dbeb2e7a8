package dev.stagehand.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.account.AccountRegistered;
import dev.stagehand.api.account.IdentityLinked;
import dev.stagehand.api.account.PersonalData;
import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.gateway.WebUser;
import dev.stagehand.gateway.admin.Rebuilds;
import dev.stagehand.platform.axon.ProcessorStatus;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deleting an account erases the person: secrets, sessions and read-model rows go, and the personal data in the
 * (immutable) events can no longer be read, so that no replay brings it back (crypto-shredding).
 */
class AccountDeletionTest extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private EventStore events;

    @Test
    void aDeletedAccountIsErasedForGoodEvenFromReplays() {
        WebUser person = twitchUser("leaving_for_good");
        WebUser samePersonElsewhere = twitchUser("leaving_for_good");
        String id = accountId(person);
        as(person).post().uri("/api/me/identities/discord/link").exchange().expectStatus().isOk();
        sim.discord().approveAs("leaving_on_discord");
        assertThat(person.follow(baseUrl() + "/oauth2/authorization/discord")).isEqualTo("/account");
        as(person).put().uri("/api/me/display-name").bodyValue(Map.of("displayName", "Very Personal Name"))
                .exchange().expectStatus().isOk();

        as(person).delete().uri("/api/me").exchange().expectStatus().isNoContent();

        as(person).get().uri("/api/me").exchange().expectStatus().isUnauthorized();
        as(samePersonElsewhere).get().uri("/api/me").exchange().expectStatus().isUnauthorized();
        assertThat(count("SELECT count(*) FROM secret WHERE owner_id = :id", id)).isZero();
        assertThat(count("SELECT count(*) FROM identity_claim WHERE account_id = :id", id)).isZero();
        assertThat(count("SELECT count(*) FROM web_session WHERE account_id = :id", id)).isZero();
        assertThat(count("SELECT count(*) FROM personal_data_key WHERE owner_id = :id AND wrapped_key IS NULL", id))
                .isOne();

        List<Object> payloads = events.readEvents(id).asStream().<Object>map(event -> event.getPayload()).toList();
        assertThat(payloads).hasSizeGreaterThan(4);
        assertThat(payloads).filteredOn(AccountRegistered.class::isInstance)
                .allSatisfy(event -> assertThat(((AccountRegistered) event).displayName().erased()).isTrue());
        assertThat(payloads).filteredOn(IdentityLinked.class::isInstance).hasSize(2).allSatisfy(event -> {
            IdentityLinked linked = (IdentityLinked) event;
            assertThat(List.of(linked.userId(), linked.login(), linked.displayName()))
                    .allMatch(PersonalData::erased);
        });

        rebuildEveryProjection();

        assertThat(count("SELECT count(*) FROM account_view WHERE account_id = :id", id)).isZero();
        assertThat(count("SELECT count(*) FROM account_identity_view WHERE account_id = :id", id)).isZero();
        assertThat(count("""
                SELECT count(*) FROM account_view v FULL JOIN account_identity_view i USING (account_id)
                WHERE v.display_name IN ('Very Personal Name', 'Leaving_for_good')
                   OR i.login IN ('leaving_for_good', 'leaving_on_discord')""", id)).isZero();

        assertThat(accountId(twitchUser("leaving_for_good"))).as("a new login starts afresh").isNotEqualTo(id);
    }

    private void rebuildEveryProjection() {
        List<ProcessorStatus> projections = operator().get().uri("/api/admin/processors").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<ProcessorStatus>>() {
                }).returnResult().getResponseBody()
                .stream().filter(ProcessorStatus::rebuildable).toList();
        assertThat(projections).extracting(ProcessorStatus::name).contains("accounts");
        for (ProcessorStatus projection : projections) {
            Rebuilds.startAndAwaitReady(operator(), projection.name());
            Rebuilds.confirm(operator(), projection.name());
        }
    }

    private long count(String sql, String id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }
}
