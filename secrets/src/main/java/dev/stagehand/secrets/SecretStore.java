package dev.stagehand.secrets;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.SecretId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Secrets (OAuth tokens, webhook URLs) encrypted with AES-GCM in the {@code secret} table, each bound to its id. Events
 * and read models carry the {@link SecretId}; only the code that must use a secret reads it from here.
 */
@Component
public class SecretStore {

    private final JdbcClient jdbc;
    private final SecretKey key;

    SecretStore(JdbcClient jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.key = masterKey.derive("stagehand secret store v1");
    }

    public SecretId store(AccountId owner, String kind, String value) {
        SecretId id = SecretId.random();
        jdbc.sql("""
                        INSERT INTO secret (secret_id, owner_id, kind, sealed, created_at, updated_at)
                        VALUES (:id, :owner, :kind, :sealed, now(), now())""")
            .param("id", UUID.fromString(id.value()))
            .param("owner", owner.value())
            .param("kind", kind)
            .param("sealed", seal(id, value))
            .update();
        return id;
    }

    public Optional<String> read(SecretId id) {
        return jdbc.sql("SELECT sealed FROM secret WHERE secret_id = :id")
                   .param("id", UUID.fromString(id.value()))
                   .query(byte[].class).optional()
                   .map(sealed -> open(id, sealed));
    }

    /**
     * Reads the secret and locks it until the surrounding transaction ends, so that two nodes never refresh the same
     * token at once (the second would present a refresh token that the first already spent).
     */
    public Optional<String> readForUpdate(SecretId id) {
        return jdbc.sql("SELECT sealed FROM secret WHERE secret_id = :id FOR UPDATE")
                   .param("id", UUID.fromString(id.value()))
                   .query(byte[].class).optional()
                   .map(sealed -> open(id, sealed));
    }

    public void replace(SecretId id, String value) {
        jdbc.sql("UPDATE secret SET sealed = :sealed, updated_at = now() WHERE secret_id = :id")
            .param("id", UUID.fromString(id.value()))
            .param("sealed", seal(id, value))
            .update();
    }

    public void delete(SecretId id) {
        jdbc.sql("DELETE FROM secret WHERE secret_id = :id").param("id", UUID.fromString(id.value())).update();
    }

    public void deleteAllOwnedBy(AccountId owner) {
        jdbc.sql("DELETE FROM secret WHERE owner_id = :owner").param("owner", owner.value()).update();
    }

    private byte[] seal(SecretId id, String value) {
        return AesGcm.seal(key, value.getBytes(StandardCharsets.UTF_8), id.value().getBytes(StandardCharsets.UTF_8));
    }

    private String open(SecretId id, byte[] sealed) {
        return new String(AesGcm.open(key, sealed, id.value().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
