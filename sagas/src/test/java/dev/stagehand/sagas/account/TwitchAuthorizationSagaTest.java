package dev.stagehand.sagas.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.account.AccountDeleted;
import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.IdentityLinked;
import dev.stagehand.api.account.IdentityUnlinked;
import dev.stagehand.api.account.PersonalData;
import dev.stagehand.api.account.Provider;
import dev.stagehand.api.account.ReportTwitchAuthorizationLost;
import dev.stagehand.api.account.TwitchAuthorizationLost;
import dev.stagehand.api.account.TwitchAuthorizationRenewed;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.sagas.account.TokenCheck.Outcome;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwitchAuthorizationSagaTest {

    private static final AccountId ACCOUNT = new AccountId("acc-1");
    private static final SecretId TOKEN = new SecretId("7b7e6f0e-6f53-4d7a-9b86-9d3f1f0a0001");
    private static final SecretId NEW_TOKEN = new SecretId("7b7e6f0e-6f53-4d7a-9b86-9d3f1f0a0002");
    private static final TwitchAuthorizationProperties SETTINGS = new TwitchAuthorizationProperties(
            Duration.ofHours(1), Duration.ofMinutes(15), Duration.ofMinutes(1));

    /** Twitch as the saga sees it: answers the scripted outcomes, in order, and remembers what it was asked. */
    static class ScriptedTokens implements TwitchTokens {
        final Deque<TokenCheck> answers = new ArrayDeque<>();
        final List<SecretId> checked = new ArrayList<>();
        final List<Duration> horizons = new ArrayList<>();
        final List<SecretId> forgotten = new ArrayList<>();

        @Override
        public SecretId store(AccountId owner, TwitchToken token) {
            throw new UnsupportedOperationException("the saga never stores tokens");
        }

        @Override
        public TokenCheck check(SecretId token, Duration horizon) {
            checked.add(token);
            horizons.add(horizon);
            return answers.isEmpty() ? TokenCheck.of(Outcome.VALID) : answers.poll();
        }

        @Override
        public void forget(SecretId token) {
            forgotten.add(token);
        }

        @Override
        public Optional<String> accessToken(SecretId token) {
            throw new UnsupportedOperationException("the saga never reads tokens");
        }
    }

    private SagaTestFixture<TwitchAuthorizationSaga> fixture;
    private ScriptedTokens tokens;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(TwitchAuthorizationSaga.class);
        tokens = new ScriptedTokens();
        fixture.registerResource(tokens);
        fixture.registerResource(SETTINGS);
    }

    private static IdentityLinked linked(Provider provider, SecretId token) {
        return new IdentityLinked(ACCOUNT, provider, PersonalData.of(ACCOUNT, "1001"), PersonalData.of(ACCOUNT, "ada"),
                PersonalData.of(ACCOUNT, "Ada"), token);
    }

    @Test
    void linkingTwitchSchedulesTheFirstCheckAnHourLater() {
        fixture.givenNoPriorActivity()
               .whenPublishingA(linked(Provider.TWITCH, TOKEN))
               .expectActiveSagas(1)
               .expectScheduledDeadlineWithName(Duration.ofHours(1), TwitchAuthorizationSaga.CHECK)
               .expectNoDispatchedCommands();
    }

    @Test
    void aDiscordLinkNeedsNoTokenCare() {
        fixture.givenNoPriorActivity()
               .whenPublishingA(linked(Provider.DISCORD, null))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines();
    }

    @Test
    void aValidTokenIsCheckedAgainEveryHourWithARefreshHorizonBeyondTheNextCheck() {
        fixture.givenAPublished(linked(Provider.TWITCH, TOKEN))
               .whenTimeElapses(Duration.ofHours(1))
               .expectScheduledDeadlineWithName(Duration.ofHours(1), TwitchAuthorizationSaga.CHECK)
               .expectNoDispatchedCommands();
        assertThat(tokens.checked).containsExactly(TOKEN);
        assertThat(tokens.horizons).containsExactly(Duration.ofMinutes(75));
    }

    @Test
    void aRefreshedTokenKeepsBeingChecked() {
        tokens.answers.add(TokenCheck.of(Outcome.REFRESHED));
        fixture.givenAPublished(linked(Provider.TWITCH, TOKEN))
               .whenTimeElapses(Duration.ofHours(1))
               .expectScheduledDeadlineWithName(Duration.ofHours(1), TwitchAuthorizationSaga.CHECK)
               .expectNoDispatchedCommands();
    }

    @Test
    void whenTwitchCannotBeAskedTheCheckIsRetriedSoon() {
        tokens.answers.add(new TokenCheck(Outcome.UNKNOWN, "Twitch answered 503 to validate"));
        fixture.givenAPublished(linked(Provider.TWITCH, TOKEN))
               .whenTimeElapses(Duration.ofHours(1))
               .expectScheduledDeadlineWithName(Duration.ofMinutes(1), TwitchAuthorizationSaga.CHECK)
               .expectNoDispatchedCommands();
    }

    @Test
    void aRefusedTokenIsReportedLost() {
        tokens.answers.add(new TokenCheck(Outcome.LOST, "Twitch refused the refresh token"));
        fixture.givenAPublished(linked(Provider.TWITCH, TOKEN))
               .whenTimeElapses(Duration.ofHours(1))
               .expectDispatchedCommands(
                       new ReportTwitchAuthorizationLost(ACCOUNT, TOKEN, "Twitch refused the refresh token"));
    }

    @Test
    void aLostAuthorizationIsNotCheckedAnyMore() {
        fixture.givenAPublished(linked(Provider.TWITCH, TOKEN))
               .whenPublishingA(new TwitchAuthorizationLost(ACCOUNT, TOKEN, "revoked"))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(1);
    }

    @Test
    void aNewLoginSwitchesToTheNewTokenAndForgetsTheOldOne() {
        fixture.givenAPublished(linked(Provider.TWITCH, TOKEN))
               .andThenAPublished(new TwitchAuthorizationLost(ACCOUNT, TOKEN, "revoked"))
               .whenPublishingA(new TwitchAuthorizationRenewed(ACCOUNT, NEW_TOKEN))
               .expectScheduledDeadlineWithName(Duration.ofHours(1), TwitchAuthorizationSaga.CHECK);
        assertThat(tokens.forgotten).containsExactly(TOKEN);

        fixture.whenTimeElapses(Duration.ofHours(1));
        assertThat(tokens.checked).containsExactly(NEW_TOKEN);
    }

    @Test
    void unlinkingTwitchForgetsTheTokenAndEnds() {
        fixture.givenAPublished(linked(Provider.TWITCH, TOKEN))
               .whenPublishingA(new IdentityUnlinked(ACCOUNT, Provider.TWITCH))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines();
        assertThat(tokens.forgotten).containsExactly(TOKEN);
    }

    @Test
    void unlinkingDiscordChangesNothing() {
        fixture.givenAPublished(linked(Provider.TWITCH, TOKEN))
               .whenPublishingA(new IdentityUnlinked(ACCOUNT, Provider.DISCORD))
               .expectActiveSagas(1)
               .expectScheduledDeadlineWithName(Duration.ofHours(1), TwitchAuthorizationSaga.CHECK);
    }

    @Test
    void deletingTheAccountEnds() {
        fixture.givenAPublished(linked(Provider.TWITCH, TOKEN))
               .whenPublishingA(new AccountDeleted(ACCOUNT))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines();
    }
}
