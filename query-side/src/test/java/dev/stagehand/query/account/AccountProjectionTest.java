package dev.stagehand.query.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.api.account.AccountDeleted;
import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.AccountRegistered;
import dev.stagehand.api.account.AccountRenamed;
import dev.stagehand.api.account.AccountView;
import dev.stagehand.api.account.FindAccount;
import dev.stagehand.api.account.FindTwitchAuthorization;
import dev.stagehand.api.account.FindTwitchAuthorizationByLogin;
import dev.stagehand.api.account.FindTwitchAuthorizations;
import dev.stagehand.api.account.IdentityLinked;
import dev.stagehand.api.account.IdentityUnlinked;
import dev.stagehand.api.account.IdentityView;
import dev.stagehand.api.account.OperatorRoleGranted;
import dev.stagehand.api.account.PersonalData;
import dev.stagehand.api.account.Provider;
import dev.stagehand.api.account.TwitchAuthorization;
import dev.stagehand.api.account.TwitchAuthorizationLost;
import dev.stagehand.api.account.TwitchAuthorizationRenewed;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.query.ProjectionTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountProjectionTest extends ProjectionTest {

    private static final AccountId ADA = new AccountId("ada");
    private static final AccountId SAM = new AccountId("sam");
    private static final Instant AT = Instant.parse("2026-12-04T20:00:00Z");
    private static final SecretId ADA_TOKEN = new SecretId("00000000-0000-0000-0000-00000000000a");
    private static final SecretId SAM_TOKEN = new SecretId("00000000-0000-0000-0000-00000000000b");

    private final AccountProjection projection = new AccountProjection(JDBC, WRITES);

    @BeforeEach
    void clear() {
        projection.clear();
    }

    private static PersonalData of(AccountId owner, String value) {
        return PersonalData.of(owner, value);
    }

    private void register(AccountId id, String name, Instant at) {
        projection.on(new AccountRegistered(id, of(id, name)), at);
    }

    private void linkTwitch(AccountId id, String userId, String login, SecretId token, Instant at) {
        projection.on(new IdentityLinked(id, Provider.TWITCH, of(id, userId), of(id, login), of(id, login), token),
                at);
    }

    private Optional<AccountView> account(AccountId id) {
        return projection.handle(new FindAccount(id));
    }

    @Test
    void aRegisteredAccountIsFoundWithoutIdentities() {
        register(ADA, "Ada", AT);
        assertThat(account(ADA)).contains(new AccountView(ADA, "Ada", false, AT, AT, List.of()));
        assertThat(account(SAM)).isEmpty();
    }

    @Test
    void linkedIdentitiesAreShownByProviderAndTouchTheAccount() {
        register(ADA, "Ada", AT);
        linkTwitch(ADA, "200000001", "ada_live", ADA_TOKEN, AT.plusSeconds(10));
        projection.on(new IdentityLinked(ADA, Provider.DISCORD, of(ADA, "300000001"), of(ADA, "ada"),
                of(ADA, "Ada D."), null), AT.plusSeconds(20));
        assertThat(account(ADA)).get().satisfies(found -> {
            assertThat(found.updatedAt()).isEqualTo(AT.plusSeconds(20));
            assertThat(found.identities()).extracting(IdentityView::provider)
                    .containsExactly(Provider.DISCORD, Provider.TWITCH);
            assertThat(found.identity(Provider.TWITCH)).contains(new IdentityView(Provider.TWITCH, "200000001",
                    "ada_live", "ada_live", ADA_TOKEN, false, AT.plusSeconds(10)));
            assertThat(found.identity(Provider.DISCORD).orElseThrow().token()).isNull();
        });
    }

    @Test
    void anUnlinkedIdentityIsGone() {
        register(ADA, "Ada", AT);
        linkTwitch(ADA, "200000001", "ada_live", ADA_TOKEN, AT);
        projection.on(new IdentityUnlinked(ADA, Provider.TWITCH), AT.plusSeconds(30));
        assertThat(account(ADA)).get().satisfies(found -> {
            assertThat(found.identities()).isEmpty();
            assertThat(found.updatedAt()).isEqualTo(AT.plusSeconds(30));
        });
        assertThat(projection.handle(new FindTwitchAuthorizations())).isEmpty();
    }

    @Test
    void aRenameAndTheOperatorRoleChangeTheAccount() {
        register(ADA, "Ada", AT);
        projection.on(new AccountRenamed(ADA, of(ADA, "Ada L.")), AT.plusSeconds(5));
        projection.on(new OperatorRoleGranted(ADA), AT.plusSeconds(9));
        assertThat(account(ADA)).contains(new AccountView(ADA, "Ada L.", true, AT, AT.plusSeconds(9),
                List.of()));
    }

    @Test
    void onlyUsableTwitchTokensAreAuthorizationsListedByTwitchUserId() {
        register(ADA, "Ada", AT);
        register(SAM, "Sam", AT);
        linkTwitch(SAM, "200000002", "sam_live", SAM_TOKEN, AT);
        linkTwitch(ADA, "200000001", "ada_live", ADA_TOKEN, AT);
        projection.on(new IdentityLinked(SAM, Provider.DISCORD, of(SAM, "300000002"), of(SAM, "sam"),
                of(SAM, "Sam"), null), AT);
        assertThat(projection.handle(new FindTwitchAuthorizations())).containsExactly(
                new TwitchAuthorization("200000001", ADA_TOKEN), new TwitchAuthorization("200000002", SAM_TOKEN));

        projection.on(new TwitchAuthorizationLost(ADA, ADA_TOKEN, "revoked"), AT.plusSeconds(60));
        assertThat(projection.handle(new FindTwitchAuthorizations())).extracting(TwitchAuthorization::twitchUserId)
                .containsExactly("200000002");
        assertThat(account(ADA).orElseThrow().identity(Provider.TWITCH).orElseThrow().needsLogin()).isTrue();
    }

    @Test
    void aRenewedTokenReplacesTheOldOneAndNeedsNoLoginAnyMore() {
        SecretId renewed = new SecretId("00000000-0000-0000-0000-0000000000aa");
        register(ADA, "Ada", AT);
        linkTwitch(ADA, "200000001", "ada_live", ADA_TOKEN, AT);
        projection.on(new TwitchAuthorizationLost(ADA, ADA_TOKEN, "revoked"), AT.plusSeconds(60));
        projection.on(new TwitchAuthorizationRenewed(ADA, renewed), AT.plusSeconds(120));
        assertThat(projection.handle(new FindTwitchAuthorization("200000001")))
                .contains(new TwitchAuthorization("200000001", renewed));
        assertThat(account(ADA).orElseThrow().updatedAt()).isEqualTo(AT.plusSeconds(120));
    }

    @Test
    void anAuthorizationIsFoundByTwitchUserIdOrByLoginInAnyCase() {
        register(ADA, "Ada", AT);
        linkTwitch(ADA, "200000001", "Ada_Live", ADA_TOKEN, AT);
        TwitchAuthorization ada = new TwitchAuthorization("200000001", ADA_TOKEN);
        assertThat(projection.handle(new FindTwitchAuthorization("200000001"))).contains(ada);
        assertThat(projection.handle(new FindTwitchAuthorization("200000009"))).isEmpty();
        assertThat(projection.handle(new FindTwitchAuthorizationByLogin("ada_live"))).contains(ada);
        assertThat(projection.handle(new FindTwitchAuthorizationByLogin("ADA_LIVE"))).contains(ada);
        assertThat(projection.handle(new FindTwitchAuthorizationByLogin("ada"))).isEmpty();
    }

    @Test
    void aDeletedAccountLeavesNoRowBehind() {
        register(ADA, "Ada", AT);
        linkTwitch(ADA, "200000001", "ada_live", ADA_TOKEN, AT);
        projection.on(new AccountDeleted(ADA));
        assertThat(account(ADA)).isEmpty();
        assertThat(projection.handle(new FindTwitchAuthorizations())).isEmpty();
    }


    @Test
    void anIdentityHandedAgainAfterTheDeletionAddsNothing() {
        register(ADA, "Ada", AT);
        linkTwitch(ADA, "200000001", "ada_live", ADA_TOKEN, AT);
        projection.on(new AccountDeleted(ADA));
        linkTwitch(ADA, "200000001", "ada_live", ADA_TOKEN, AT);
        assertThat(account(ADA)).isEmpty();
        assertThat(projection.handle(new FindTwitchAuthorizations())).isEmpty();
    }

    @Test
    void anIdentityWhosePersonalDataWasErasedIsNoAuthorization() {
        projection.on(new AccountRegistered(ADA, new PersonalData(ADA, null)), AT);
        projection.on(new IdentityLinked(ADA, Provider.TWITCH, new PersonalData(ADA, null),
                new PersonalData(ADA, null), new PersonalData(ADA, null), ADA_TOKEN), AT);
        assertThat(account(ADA)).get().satisfies(found -> {
            assertThat(found.displayName()).isNull();
            assertThat(found.identity(Provider.TWITCH).orElseThrow().userId()).isNull();
        });
        assertThat(projection.handle(new FindTwitchAuthorizations())).isEmpty();
    }

    @Test
    void eachEventAppliedTwiceChangesNothing() {
        register(ADA, "Ada", AT);
        register(ADA, "Ada again", AT.plusSeconds(5));
        linkTwitch(ADA, "200000001", "ada_live", ADA_TOKEN, AT);
        linkTwitch(ADA, "200000001", "ada_live", ADA_TOKEN, AT);
        assertThat(account(ADA)).get().satisfies(found -> {
            assertThat(found.displayName()).isEqualTo("Ada");
            assertThat(found.registeredAt()).isEqualTo(AT);
            assertThat(found.identities()).singleElement()
                    .satisfies(identity -> assertThat(identity.linkedAt()).isEqualTo(AT));
        });
    }
}
