package dev.stagehand.query.account;

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
import dev.stagehand.api.account.Provider;
import dev.stagehand.api.account.TwitchAuthorization;
import dev.stagehand.api.account.TwitchAuthorizationLost;
import dev.stagehand.api.account.TwitchAuthorizationRenewed;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.platform.axon.ReadModel;
import dev.stagehand.platform.axon.ReadModelWrites;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code account_view} and {@code account_identity_view}. Every handler is idempotent, because a processor may
 * hand an event over again after a crash. A deleted account leaves no row behind.
 */
@Component
@ReadModel({"account_view", "account_identity_view"})
@ProcessingGroup(AccountProjection.PROCESSING_GROUP)
class AccountProjection {

    static final String PROCESSING_GROUP = "accounts";

    private final JdbcClient jdbc;
    private final ReadModelWrites writes;
    AccountProjection(JdbcClient jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(AccountRegistered event, @Timestamp Instant at) {
        writes.sql("""
                    INSERT INTO account_view (account_id, display_name, registered_at, updated_at)
                    VALUES (:id, :name, :at, :at)
                    ON CONFLICT (account_id) DO NOTHING""")
            .param("id", event.accountId().value())
            .param("name", event.displayName().value())
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(IdentityLinked event, @Timestamp Instant at) {
        // an event handed again after its parent is gone (a rebuild's swap replays some) adds nothing
        writes.sql("""
                    INSERT INTO account_identity_view
                        (account_id, provider, user_id, login, display_name, token_id, linked_at)
                    SELECT CAST(:id AS TEXT), CAST(:provider AS TEXT), CAST(:user AS TEXT), CAST(:login AS TEXT),
                           CAST(:name AS TEXT), CAST(:token AS UUID), CAST(:at AS TIMESTAMPTZ)
                    WHERE EXISTS (SELECT 1 FROM account_view WHERE account_id = :id)
                    ON CONFLICT (account_id, provider) DO NOTHING""")
            .param("id", event.accountId().value())
            .param("provider", event.provider().name())
            .param("user", event.userId().value())
            .param("login", event.login().value())
            .param("name", event.displayName().value())
            .param("token", event.token() == null ? null : UUID.fromString(event.token().value()))
            .param("at", java.sql.Timestamp.from(at))
            .update();
        touch(event.accountId(), at);
    }

    @EventHandler
    void on(IdentityUnlinked event, @Timestamp Instant at) {
        writes.sql("DELETE FROM account_identity_view WHERE account_id = :id AND provider = :provider")
            .param("id", event.accountId().value())
            .param("provider", event.provider().name())
            .update();
        touch(event.accountId(), at);
    }

    @EventHandler
    void on(TwitchAuthorizationRenewed event, @Timestamp Instant at) {
        updateTwitch(event.accountId(), UUID.fromString(event.token().value()), false, at);
    }

    @EventHandler
    void on(TwitchAuthorizationLost event, @Timestamp Instant at) {
        updateTwitch(event.accountId(), UUID.fromString(event.token().value()), true, at);
    }

    @EventHandler
    void on(AccountRenamed event, @Timestamp Instant at) {
        writes.sql("UPDATE account_view SET display_name = :name, updated_at = :at WHERE account_id = :id")
            .param("id", event.accountId().value())
            .param("name", event.displayName().value())
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(OperatorRoleGranted event, @Timestamp Instant at) {
        writes.sql("UPDATE account_view SET operator = TRUE, updated_at = :at WHERE account_id = :id")
            .param("id", event.accountId().value())
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(AccountDeleted event) {
        writes.sql("DELETE FROM account_view WHERE account_id = :id").param("id", event.accountId().value()).update();
    }

    @ResetHandler
    void clear() {
        writes.sql("DELETE FROM account_identity_view").update();
        writes.sql("DELETE FROM account_view").update();
    }

    @QueryHandler
    Optional<AccountView> handle(FindAccount query) {
        return find(query.accountId());
    }

    @QueryHandler
    List<TwitchAuthorization> handle(FindTwitchAuthorizations query) {
        return twitchAuthorizations("", null);
    }

    @QueryHandler
    Optional<TwitchAuthorization> handle(FindTwitchAuthorization query) {
        return twitchAuthorizations("AND user_id = :user", query.twitchUserId()).stream().findFirst();
    }

    @QueryHandler
    Optional<TwitchAuthorization> handle(FindTwitchAuthorizationByLogin query) {
        return twitchAuthorizations("AND lower(login) = lower(:user)", query.login()).stream().findFirst();
    }

    /** @param value what the condition's {@code :user} stands for */
    private List<TwitchAuthorization> twitchAuthorizations(String condition, String value) {
        return jdbc.sql("""
                    SELECT user_id, token_id FROM account_identity_view
                    WHERE provider = 'TWITCH' AND token_id IS NOT NULL AND NOT needs_login AND user_id IS NOT NULL
                    %s ORDER BY user_id""".formatted(condition))
                   .params(value == null ? Map.of() : Map.of("user", value))
                   .query((row, rowNumber) -> new TwitchAuthorization(row.getString("user_id"),
                           new SecretId(row.getObject("token_id", UUID.class).toString())))
                   .list();
    }

    private void updateTwitch(AccountId id, UUID token, boolean needsLogin, Instant at) {
        writes.sql("""
                    UPDATE account_identity_view SET token_id = :token, needs_login = :needsLogin
                    WHERE account_id = :id AND provider = 'TWITCH'""")
            .param("id", id.value())
            .param("token", token)
            .param("needsLogin", needsLogin)
            .update();
        touch(id, at);
    }

    private void touch(AccountId id, Instant at) {
        writes.sql("UPDATE account_view SET updated_at = :at WHERE account_id = :id")
            .param("id", id.value())
            .param("at", java.sql.Timestamp.from(at))
            .update();
    }


    private Optional<AccountView> find(AccountId id) {
        List<IdentityView> identities = jdbc.sql(
                        "SELECT * FROM account_identity_view WHERE account_id = :id ORDER BY provider")
                .param("id", id.value())
                .query(AccountProjection::toIdentity)
                .list();
        return jdbc.sql("SELECT * FROM account_view WHERE account_id = :id")
                   .param("id", id.value())
                   .query((row, rowNumber) -> new AccountView(id, row.getString("display_name"),
                           row.getBoolean("operator"), row.getTimestamp("registered_at").toInstant(),
                           row.getTimestamp("updated_at").toInstant(), identities))
                   .optional();
    }

    private static IdentityView toIdentity(ResultSet row, int rowNumber) throws SQLException {
        UUID token = row.getObject("token_id", UUID.class);
        return new IdentityView(Provider.valueOf(row.getString("provider")), row.getString("user_id"),
                row.getString("login"), row.getString("display_name"),
                token == null ? null : new SecretId(token.toString()), row.getBoolean("needs_login"),
                row.getTimestamp("linked_at").toInstant());
    }
}
