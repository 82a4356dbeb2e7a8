package dev.stagehand.gateway.account;

import dev.stagehand.api.account.AccountDeleted;
import dev.stagehand.platform.session.JdbcWebSessionStore;
import dev.stagehand.secrets.PersonalDataKeys;
import dev.stagehand.secrets.SecretStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erases a deleted account in the same transaction that records its deletion (a subscribing processor): its
 * personal-data key (after which its data in events reads as erased, replays included), its secrets, its identity
 * claims and its sessions. Read models drop their rows in their own projections.
 */
@Component
@ProcessingGroup("account-erasure")
class AccountErasure {

    private final PersonalDataKeys keys;
    private final SecretStore secrets;
    private final IdentityClaims claims;
    private final JdbcWebSessionStore sessions;
    private final JdbcClient jdbc;

    AccountErasure(PersonalDataKeys keys, SecretStore secrets, IdentityClaims claims, JdbcWebSessionStore sessions,
                   JdbcClient jdbc) {
        this.keys = keys;
        this.secrets = secrets;
        this.claims = claims;
        this.sessions = sessions;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountDeleted event) {
        keys.shred(event.accountId());
        secrets.deleteAllOwnedBy(event.accountId());
        claims.releaseAll(event.accountId());
        sessions.removeSessionsOf(event.accountId().value());
        // Should the account hold (or be offered) the operator role, the offer passes to the next account registered.
        jdbc.sql("DELETE FROM operator_role_offer WHERE account_id = :account")
            .param("account", event.accountId().value()).update();
    }
}
