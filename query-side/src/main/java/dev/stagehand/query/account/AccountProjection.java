package dev.stagehand.query.account;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.AccountRegistered;
import dev.stagehand.api.account.AccountRenamed;
import dev.stagehand.api.account.AccountView;
import dev.stagehand.api.account.FindAccount;
import dev.stagehand.api.account.OperatorRoleGranted;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code account_view}. Every handler is idempotent, because a processor may hand an event over again after a
 * crash.
 */
@Component
@ProcessingGroup(AccountProjection.PROCESSING_GROUP)
class AccountProjection {

    static final String PROCESSING_GROUP = "accounts";

    private final JdbcClient jdbc;
    private final QueryUpdateEmitter updates;

    AccountProjection(JdbcClient jdbc, QueryUpdateEmitter updates) {
        this.jdbc = jdbc;
        this.updates = updates;
    }

    @EventHandler
    void on(AccountRegistered event, @Timestamp Instant at) {
        jdbc.sql("""
                    INSERT INTO account_view (account_id, display_name, registered_at, updated_at)
                    VALUES (:id, :name, :at, :at)
                    ON CONFLICT (account_id) DO NOTHING""")
            .param("id", event.accountId().value())
            .param("name", event.displayName())
            .param("at", java.sql.Timestamp.from(at))
            .update();
        publish(event.accountId());
    }

    @EventHandler
    void on(AccountRenamed event, @Timestamp Instant at) {
        jdbc.sql("UPDATE account_view SET display_name = :name, updated_at = :at WHERE account_id = :id")
            .param("id", event.accountId().value())
            .param("name", event.displayName())
            .param("at", java.sql.Timestamp.from(at))
            .update();
        publish(event.accountId());
    }

    @EventHandler
    void on(OperatorRoleGranted event, @Timestamp Instant at) {
        jdbc.sql("UPDATE account_view SET operator = TRUE, updated_at = :at WHERE account_id = :id")
            .param("id", event.accountId().value())
            .param("at", java.sql.Timestamp.from(at))
            .update();
        publish(event.accountId());
    }

    @ResetHandler
    void clear() {
        jdbc.sql("DELETE FROM account_view").update();
    }

    @QueryHandler
    Optional<AccountView> handle(FindAccount query) {
        return find(query.accountId());
    }

    /** Tells subscribers of this account (a registration waiting for its view, say) what it looks like now. */
    private void publish(AccountId id) {
        find(id).ifPresent(view -> updates.emit(FindAccount.class, query -> query.accountId().equals(id), view));
    }

    private Optional<AccountView> find(AccountId id) {
        return jdbc.sql("SELECT * FROM account_view WHERE account_id = :id")
                   .param("id", id.value())
                   .query(AccountProjection::toView)
                   .optional();
    }

    private static AccountView toView(ResultSet row, int rowNumber) throws SQLException {
        return new AccountView(new AccountId(row.getString("account_id")), row.getString("display_name"),
                row.getBoolean("operator"), row.getTimestamp("registered_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
