package dev.stagehand.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stagehand.api.common.SecretId;
import dev.stagehand.gateway.IntegrationTest;
import dev.stagehand.gateway.WebUser;
import dev.stagehand.secrets.SecretStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The full OAuth dance against the simulated Twitch and Discord, and what a login leads to. */
class LoginTest extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private SecretStore secrets;

    @Test
    void aFirstTwitchLoginRegistersAnAccountAndLaterLoginsFindIt() {
        sim.oauth().approveAs("ada_streams");
        WebUser ada = browser();
        assertThat(ada.logIn("twitch")).isEqualTo("/");

        String authorize = ada.visited().stream().filter(url -> url.contains("/oauth2/authorize")).findFirst()
                .orElseThrow();
        assertThat(authorize).contains("state=", "code_challenge=", "code_challenge_method=S256", "scope=clips:edit");
        assertThat(ada.visited()).anyMatch(url -> url.contains("/login/oauth2/code/twitch?code="));

        as(ada).get().uri("/api/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.displayName").isEqualTo("Ada_streams")
                .jsonPath("$.operator").isEqualTo(false)
                .jsonPath("$.identities.length()").isEqualTo(1)
                .jsonPath("$.identities[0].provider").isEqualTo("twitch")
                .jsonPath("$.identities[0].login").isEqualTo("ada_streams")
                .jsonPath("$.identities[0].needsLogin").isEqualTo(false);
        String id = accountId(ada);

        assertThat(accountId(twitchUser("ada_streams"))).isEqualTo(id);
    }

    @Test
    void tokensAndPersonalDataNeverReachTheEventsInTheClear() {
        WebUser person = twitchUser("private_person");
        String id = accountId(person);
        String accessToken = twitchToken(id).get("accessToken");

        List<String> events = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = :id""")
                .param("id", id).query(String.class).list();
        assertThat(events).hasSize(2).noneMatch(json -> json.contains("private_person") || json.contains("Private_person")
                || json.contains(accessToken) || json.contains(sim.world().user("private_person").id()));
        assertThat(jdbc.sql("SELECT count(*) FROM secret WHERE owner_id = :id AND encode(sealed, 'escape') LIKE :token")
                .param("id", id).param("token", "%" + accessToken + "%").query(Long.class).single()).isZero();
        as(person).get().uri("/api/me").exchange().expectBody()
                .jsonPath("$.identities[0].token").doesNotExist()
                .jsonPath("$.identities[0].userId").doesNotExist();
    }

    @Test
    void aFirstDiscordLoginRegistersAnAccount() {
        WebUser admin = discordUser("guildmaster");
        as(admin).get().uri("/api/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.displayName").isEqualTo("Guildmaster")
                .jsonPath("$.identities[0].provider").isEqualTo("discord")
                .jsonPath("$.identities[0].login").isEqualTo("guildmaster");
    }

    @Test
    void aLoggedInStreamerLinksDiscordThenUnlinksTwitch() {
        WebUser sam = twitchUser("linking_sam");
        String id = accountId(sam);

        Map<?, ?> start = as(sam).post().uri("/api/me/identities/discord/link").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(start.get("location")).isEqualTo("/oauth2/authorization/discord");
        sim.discord().approveAs("sam_on_discord");
        assertThat(sam.follow(baseUrl() + start.get("location"))).isEqualTo("/account");

        as(sam).get().uri("/api/me").exchange().expectBody()
                .jsonPath("$.identities.length()").isEqualTo(2)
                .jsonPath("$.identities[?(@.provider == 'discord')].login").isEqualTo("sam_on_discord")
                .jsonPath("$.identities[?(@.provider == 'twitch')].login").isEqualTo("linking_sam");
        assertThat(accountId(discordUser("sam_on_discord"))).isEqualTo(id);

        as(sam).delete().uri("/api/me/identities/twitch").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.identities.length()").isEqualTo(1)
                .jsonPath("$.identities[0].provider").isEqualTo("discord");
        as(sam).delete().uri("/api/me/identities/discord").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo(
                        "Your Discord identity is your only way to log in: link another one before unlinking it");

        assertThat(accountId(twitchUser("linking_sam"))).as("an unlinked identity registers anew").isNotEqualTo(id);
    }

    @Test
    void anIdentityOfAnotherAccountCannotBeLinked() {
        discordUser("taken_on_discord");
        WebUser other = twitchUser("wants_that_discord");
        as(other).post().uri("/api/me/identities/discord/link").exchange().expectStatus().isOk();
        sim.discord().approveAs("taken_on_discord");

        assertThat(other.follow(baseUrl() + "/oauth2/authorization/discord"))
                .isEqualTo("/account?error=identity-in-use");
        as(other).get().uri("/api/me").exchange().expectBody().jsonPath("$.identities.length()").isEqualTo(1);
    }

    @Test
    void aForgedStateIsRejectedAndLogsNobodyIn() {
        sim.oauth().approveAs("forged_state_victim");
        WebUser victim = browser();
        String landing = victim.follow(baseUrl() + "/oauth2/authorization/twitch",
                url -> url.contains("/login/oauth2/code/") ? url.replaceAll("state=[^&]+", "state=forged") : url);

        assertThat(landing).startsWith("/?error=");
        as(victim).get().uri("/api/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void logoutEndsTheSessionAndNeedsTheCsrfToken() {
        WebUser user = twitchUser("leaving_soon");
        anonymous().post().uri("/logout")
                .cookie("STAGEHAND_SESSION", user.cookie("STAGEHAND_SESSION").orElseThrow())
                .exchange().expectStatus().isForbidden();
        as(user).get().uri("/api/me").exchange().expectStatus().isOk();

        as(user).post().uri("/logout").exchange().expectStatus().isNoContent();
        as(user).get().uri("/api/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void stateChangingRequestsNeedTheCsrfToken() {
        WebUser user = twitchUser("csrf_target");
        anonymous().put().uri("/api/me/display-name")
                .cookie("STAGEHAND_SESSION", user.cookie("STAGEHAND_SESSION").orElseThrow())
                .bodyValue(Map.of("displayName", "Hijacked"))
                .exchange().expectStatus().isForbidden();
        as(user).put().uri("/api/me/display-name").bodyValue(Map.of("displayName", "  Chosen Name "))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.displayName").isEqualTo("Chosen Name");
    }

    @Test
    void anExpiredTokenIsRefreshedBeforeItIsNeeded() {
        String id = accountId(twitchUser("expiring_streamer"));
        String before = twitchToken(id).get("accessToken");

        sim.world().expireTokensOf("expiring_streamer");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String now = twitchToken(id).get("accessToken");
            assertThat(now).isNotEqualTo(before);
            assertThat(sim.world().token(now)).isPresent();
        });
        WebUser again = twitchUser("expiring_streamer");
        as(again).get().uri("/api/me").exchange().expectBody().jsonPath("$.identities[0].needsLogin").isEqualTo(false);
    }

    @Test
    void aRevokedTokenAsksTheStreamerToLogInAgain() {
        WebUser streamer = twitchUser("disconnected_app");
        sim.world().revokeTokensOf("disconnected_app");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(streamer).get().uri("/api/me").exchange()
                .expectBody().jsonPath("$.identities[0].needsLogin").isEqualTo(true));

        WebUser again = twitchUser("disconnected_app");
        as(again).get().uri("/api/me").exchange().expectBody().jsonPath("$.identities[0].needsLogin").isEqualTo(false);
    }

    @Test
    void theConfiguredOperatorGetsTheRoleAndTheAdminApi() {
        WebUser ops = twitchUser(OPERATOR);
        as(ops).get().uri("/api/me").exchange().expectBody()
                .jsonPath("$.operator").isEqualTo(true)
                .jsonPath("$.operatorRoleOffered").isEqualTo(false);
        as(ops).get().uri("/api/admin/processors").exchange().expectStatus().isOk();

        WebUser viewer = twitchUser("just_a_viewer");
        as(viewer).get().uri("/api/admin/processors").exchange().expectStatus().isForbidden();
        anonymous().get().uri("/api/admin/processors").exchange().expectStatus().isUnauthorized();
        as(viewer).post().uri("/api/me/operator-role").exchange().expectStatus().isEqualTo(409);
    }

    private Map<String, String> twitchToken(String accountId) {
        String tokenId = jdbc.sql("""
                        SELECT token_id::text FROM account_identity_view
                        WHERE account_id = :id AND provider = 'TWITCH'""")
                .param("id", accountId).query(String.class).single();
        String json = secrets.read(new SecretId(tokenId)).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, String> token = new tools.jackson.databind.json.JsonMapper().readValue(json, Map.class);
        return token;
    }
}
