package dev.stagehand.query.account;

import dev.stagehand.api.account.AccountDeleted;
import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.ApiTokenCreated;
import dev.stagehand.api.account.ApiTokenRevoked;
import dev.stagehand.api.account.ApiTokenView;
import dev.stagehand.api.account.FindApiTokenByHash;
import dev.stagehand.api.account.FindApiTokens;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Personal API tokens by the hash a script's token has, and by account for their owner's list. */
@Component
@ProcessingGroup("api-tokens")
class ApiTokenProjection {

    private final JdbcClient jdbc;

    ApiTokenProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApiTokenCreated event, @Timestamp Instant at) {
        jdbc.sql("""
                    INSERT INTO api_token_view (token_id, account_id, name, token_hash, can_write, admin, created_at,
                                                expires_at)
                    VALUES (:token, :account, :name, :hash, :write, :admin, :at, :expires)
                    ON CONFLICT (token_id) DO NOTHING""")
            .param("token", event.tokenId())
            .param("account", event.accountId().value())
            .param("name", event.name())
            .param("hash", event.hash())
            .param("write", event.write())
            .param("admin", event.admin())
            .param("at", java.sql.Timestamp.from(at))
            .param("expires", java.sql.Timestamp.from(event.expiresAt()))
            .update();
    }

    @EventHandler
    void on(ApiTokenRevoked event) {
        jdbc.sql("DELETE FROM api_token_view WHERE token_id = :token").param("token", event.tokenId()).update();
    }

    @EventHandler
    void on(AccountDeleted event) {
        jdbc.sql("DELETE FROM api_token_view WHERE account_id = :account")
            .param("account", event.accountId().value()).update();
    }

    @ResetHandler
    void clear() {
        jdbc.sql("DELETE FROM api_token_view").update();
    }

    @QueryHandler
    List<ApiTokenView> handle(FindApiTokens query) {
        return jdbc.sql("SELECT * FROM api_token_view WHERE account_id = :account ORDER BY created_at DESC, name")
                   .param("account", query.accountId().value())
                   .query(this::view).list();
    }

    @QueryHandler
    Optional<ApiTokenView> handle(FindApiTokenByHash query) {
        return jdbc.sql("SELECT * FROM api_token_view WHERE token_hash = :hash").param("hash", query.hash())
                   .query(this::view).optional();
    }

    private ApiTokenView view(ResultSet row, int number) throws SQLException {
        return new ApiTokenView(row.getString("token_id"), new AccountId(row.getString("account_id")),
                row.getString("name"), row.getBoolean("can_write"), row.getBoolean("admin"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("expires_at").toInstant());
    }
}
