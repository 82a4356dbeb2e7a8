package dev.stagehand.gateway.account;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.Provider;
import dev.stagehand.secrets.IdentityHashes;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which account each external identity belongs to; one account per identity, whatever the races. */
@Component
class IdentityClaims {

    private final JdbcClient jdbc;
    private final IdentityHashes hashes;

    IdentityClaims(JdbcClient jdbc, IdentityHashes hashes) {
        this.jdbc = jdbc;
        this.hashes = hashes;
    }

    Optional<AccountId> owner(Provider provider, String userId) {
        return jdbc.sql("SELECT account_id FROM identity_claim WHERE identity_hash = :hash")
                   .param("hash", hashes.hash(provider, userId))
                   .query(String.class).optional()
                   .map(AccountId::new);
    }

    /** Claims the identity for the account unless another account has it; answers whoever owns it now. */
    AccountId claim(Provider provider, String userId, AccountId account) {
        jdbc.sql("""
                        INSERT INTO identity_claim (identity_hash, provider, account_id, claimed_at)
                        VALUES (:hash, :provider, :account, now())
                        ON CONFLICT (identity_hash) DO NOTHING""")
            .param("hash", hashes.hash(provider, userId))
            .param("provider", provider.name())
            .param("account", account.value())
            .update();
        return owner(provider, userId).orElseThrow();
    }

    void release(Provider provider, String userId, AccountId account) {
        jdbc.sql("DELETE FROM identity_claim WHERE identity_hash = :hash AND account_id = :account")
            .param("hash", hashes.hash(provider, userId))
            .param("account", account.value())
            .update();
    }

    void releaseAll(AccountId account) {
        jdbc.sql("DELETE FROM identity_claim WHERE account_id = :account").param("account", account.value()).update();
    }
}
