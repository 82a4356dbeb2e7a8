package dev.stagehand.command.account;

import dev.stagehand.api.account.AccountDeleted;
import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.AccountRegistered;
import dev.stagehand.api.account.AccountRenamed;
import dev.stagehand.api.account.ApiTokenCreated;
import dev.stagehand.api.account.ApiTokenRevoked;
import dev.stagehand.api.account.CreateApiToken;
import dev.stagehand.api.account.DeleteAccount;
import dev.stagehand.api.account.ExternalIdentity;
import dev.stagehand.api.account.GrantOperatorRole;
import dev.stagehand.api.account.IdentityLinked;
import dev.stagehand.api.account.IdentityUnlinked;
import dev.stagehand.api.account.LinkIdentity;
import dev.stagehand.api.account.OperatorRoleGranted;
import dev.stagehand.api.account.PersonalData;
import dev.stagehand.api.account.Provider;
import dev.stagehand.api.account.RegisterAccount;
import dev.stagehand.api.account.RenameAccount;
import dev.stagehand.api.account.RenewTwitchAuthorization;
import dev.stagehand.api.account.ReportTwitchAuthorizationLost;
import dev.stagehand.api.account.RevokeApiToken;
import dev.stagehand.api.account.TwitchAuthorizationLost;
import dev.stagehand.api.account.TwitchAuthorizationRenewed;
import dev.stagehand.api.account.UnlinkIdentity;
import dev.stagehand.api.common.RuleViolation;
import dev.stagehand.api.common.SecretId;
import java.time.Instant;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final AccountId ID = new AccountId("acc-1");
    private static final SecretId TOKEN = new SecretId("7b7e6f0e-6f53-4d7a-9b86-9d3f1f0a0001");
    private static final SecretId NEW_TOKEN = new SecretId("7b7e6f0e-6f53-4d7a-9b86-9d3f1f0a0002");
    private static final ExternalIdentity TWITCH =
            new ExternalIdentity(Provider.TWITCH, "1001", "ada", "Ada", TOKEN);
    private static final ExternalIdentity DISCORD =
            new ExternalIdentity(Provider.DISCORD, "9001", "ada_d", "Ada D", null);

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
    }

    private static AccountRegistered registered(String name) {
        return new AccountRegistered(ID, PersonalData.of(ID, name));
    }

    private static IdentityLinked linked(ExternalIdentity identity) {
        return new IdentityLinked(ID, identity.provider(), PersonalData.of(ID, identity.userId()),
                PersonalData.of(ID, identity.login()), PersonalData.of(ID, identity.displayName()), identity.token());
    }

    @Test
    void registersAnAccountWithATrimmedNameAndItsFirstIdentity() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAccount(ID, "  Ada  ", TWITCH))
               .expectEvents(registered("Ada"), linked(TWITCH));
    }

    @Test
    void cannotRegisterWithABlankName() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAccount(ID, "   ", TWITCH))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("A display name cannot be empty");
    }

    @Test
    void cannotRegisterWithANameLongerThanTheLimit() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAccount(ID, "x".repeat(65), DISCORD))
               .expectException(RuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void countsNameLengthInCharactersNotJavaChars() {
        String sixtyFourEmoji = "😀".repeat(64);
        fixture.givenNoPriorActivity()
               .when(new RegisterAccount(ID, sixtyFourEmoji, DISCORD))
               .expectEvents(registered(sixtyFourEmoji), linked(DISCORD));
    }

    @Test
    void cannotUseControlCharactersInAName() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAccount(ID, "Ada\u0000", DISCORD))
               .expectException(RuleViolation.class);
    }

    @Test
    void cannotLinkATwitchIdentityWithoutItsToken() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAccount(ID, "Ada", new ExternalIdentity(Provider.TWITCH, "1", "a", "A", null)))
               .expectException(NullPointerException.class);
    }

    @Test
    void linksASecondProvider() {
        fixture.given(registered("Ada"), linked(TWITCH))
               .when(new LinkIdentity(ID, DISCORD))
               .expectEvents(linked(DISCORD));
    }

    @Test
    void linkingTheSameIdentityAgainChangesNothing() {
        fixture.given(registered("Ada"), linked(TWITCH), linked(DISCORD))
               .when(new LinkIdentity(ID, DISCORD))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotLinkASecondIdentityOfTheSameProvider() {
        fixture.given(registered("Ada"), linked(DISCORD))
               .when(new LinkIdentity(ID, new ExternalIdentity(Provider.DISCORD, "9002", "other", "Other", null)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("This account is already linked to another Discord identity; unlink it first");
    }

    @Test
    void unlinksAnIdentityWhenAnotherRemains() {
        fixture.given(registered("Ada"), linked(TWITCH), linked(DISCORD))
               .when(new UnlinkIdentity(ID, Provider.TWITCH))
               .expectEvents(new IdentityUnlinked(ID, Provider.TWITCH));
    }

    @Test
    void cannotUnlinkTheOnlyWayToLogIn() {
        fixture.given(registered("Ada"), linked(TWITCH))
               .when(new UnlinkIdentity(ID, Provider.TWITCH))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(
                       "Your Twitch identity is your only way to log in: link another one before unlinking it");
    }

    @Test
    void cannotUnlinkAProviderThatIsNotLinked() {
        fixture.given(registered("Ada"), linked(TWITCH))
               .when(new UnlinkIdentity(ID, Provider.DISCORD))
               .expectException(RuleViolation.class);
    }

    @Test
    void losesTheTwitchAuthorizationOfTheCurrentToken() {
        fixture.given(registered("Ada"), linked(TWITCH))
               .when(new ReportTwitchAuthorizationLost(ID, TOKEN, "refresh token refused"))
               .expectEvents(new TwitchAuthorizationLost(ID, TOKEN, "refresh token refused"));
    }

    @Test
    void aLossReportedForAnOlderTokenIsIgnored() {
        fixture.given(registered("Ada"), linked(TWITCH), new TwitchAuthorizationRenewed(ID, NEW_TOKEN))
               .when(new ReportTwitchAuthorizationLost(ID, TOKEN, "revoked"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aLossIsRecordedOnce() {
        fixture.given(registered("Ada"), linked(TWITCH), new TwitchAuthorizationLost(ID, TOKEN, "revoked"))
               .when(new ReportTwitchAuthorizationLost(ID, TOKEN, "revoked"))
               .expectNoEvents();
    }

    @Test
    void loggingInWithTwitchAgainRenewsALostAuthorization() {
        fixture.given(registered("Ada"), linked(TWITCH), new TwitchAuthorizationLost(ID, TOKEN, "revoked"))
               .when(new RenewTwitchAuthorization(ID, NEW_TOKEN))
               .expectEvents(new TwitchAuthorizationRenewed(ID, NEW_TOKEN));
    }

    @Test
    void cannotRenewTwitchAuthorizationWithoutATwitchIdentity() {
        fixture.given(registered("Ada"), linked(DISCORD))
               .when(new RenewTwitchAuthorization(ID, NEW_TOKEN))
               .expectException(RuleViolation.class);
    }

    @Test
    void renamesAnAccount() {
        fixture.given(registered("Ada"))
               .when(new RenameAccount(ID, "Grace"))
               .expectEvents(new AccountRenamed(ID, PersonalData.of(ID, "Grace")));
    }

    @Test
    void renamingToTheSameNameChangesNothing() {
        fixture.given(registered("Ada"))
               .when(new RenameAccount(ID, " Ada "))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotRenameToABlankName() {
        fixture.given(registered("Ada"))
               .when(new RenameAccount(ID, ""))
               .expectException(RuleViolation.class);
    }

    @Test
    void grantsTheOperatorRole() {
        fixture.given(registered("Ada"))
               .when(new GrantOperatorRole(ID))
               .expectEvents(new OperatorRoleGranted(ID));
    }

    @Test
    void grantingTheOperatorRoleTwiceRecordsItOnce() {
        fixture.given(registered("Ada"), new OperatorRoleGranted(ID))
               .when(new GrantOperatorRole(ID))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void deletesAnAccount() {
        fixture.given(registered("Ada"), linked(TWITCH))
               .when(new DeleteAccount(ID))
               .expectEvents(new AccountDeleted(ID))
               .expectMarkedDeleted();
    }

    @Test
    void aDeletedAccountTakesNoMoreCommands() {
        fixture.given(registered("Ada"), linked(TWITCH), new AccountDeleted(ID))
               .when(new RenameAccount(ID, "Ghost"))
               .expectException(AggregateDeletedException.class);
    }

    private static final Instant EXPIRES = Instant.parse("2027-03-01T00:00:00Z");

    @Test
    void anAccountCreatesNamedTokensAndRevokesThem() {
        fixture.given(registered("Ada"), linked(TWITCH))
               .when(new CreateApiToken(ID, "t1", "  stats script ", "hash-1", false, false, EXPIRES))
               .expectEvents(new ApiTokenCreated(ID, "t1", "stats script", "hash-1", false, false, EXPIRES));
        fixture.given(registered("Ada"), linked(TWITCH),
                        new ApiTokenCreated(ID, "t1", "stats script", "hash-1", false, false, EXPIRES))
               .when(new RevokeApiToken(ID, "t1"))
               .expectEvents(new ApiTokenRevoked(ID, "t1"));
        fixture.given(registered("Ada"), linked(TWITCH),
                        new ApiTokenCreated(ID, "t1", "stats script", "hash-1", false, false, EXPIRES),
                        new ApiTokenRevoked(ID, "t1"))
               .when(new RevokeApiToken(ID, "t1"))
               .expectNoEvents();
    }

    @Test
    void onlyAnOperatorsTokenReachesTheOperatorApi() {
        fixture.given(registered("Ada"), linked(TWITCH))
               .when(new CreateApiToken(ID, "t1", "ops", "hash-1", true, true, EXPIRES))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("Only an operator's token may reach the operator API");
        fixture.given(registered("Ada"), linked(TWITCH), new OperatorRoleGranted(ID))
               .when(new CreateApiToken(ID, "t1", "ops", "hash-1", true, true, EXPIRES))
               .expectEvents(new ApiTokenCreated(ID, "t1", "ops", "hash-1", true, true, EXPIRES));
    }

    @Test
    void aTokenHasANameAndAnAccountAtMostTwentyTokens() {
        fixture.given(registered("Ada"), linked(TWITCH))
               .when(new CreateApiToken(ID, "t1", "  ", "hash-1", false, false, EXPIRES))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("A token's name has 1 to 60 characters");
        Object[] twenty = java.util.stream.IntStream.range(0, 20).mapToObj(i -> new ApiTokenCreated(ID, "t" + i,
                "token " + i, "hash-" + i, false, false, EXPIRES)).toArray();
        fixture.given(registered("Ada"), linked(TWITCH)).andGiven(twenty)
               .when(new CreateApiToken(ID, "t20", "one more", "hash-20", false, false, EXPIRES))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("An account has at most 20 tokens: revoke one first");
    }
}
