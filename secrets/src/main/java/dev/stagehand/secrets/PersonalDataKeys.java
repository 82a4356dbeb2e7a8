package dev.stagehand.secrets;

import dev.stagehand.api.account.AccountId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One AES key per account for the personal data in its events, stored wrapped by the master key. Shredding an account
 * destroys its key and leaves a tombstone, so the data sealed with it can never be read again and nothing new can be
 * sealed for that account.
 */
@Component
public class PersonalDataKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SecretKey wrappingKey;

    PersonalDataKeys(JdbcClient jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.wrappingKey = masterKey.derive("stagehand personal data keys v1");
    }

    /** Seals a value with the owner's key, creating the key on the account's first piece of personal data. */
    public byte[] seal(AccountId owner, String value) {
        SecretKey key = key(owner).orElseThrow(() -> new IllegalStateException(
                "Account " + owner + " was deleted: no personal data can be stored for it"));
        return AesGcm.seal(key, value.getBytes(StandardCharsets.UTF_8), associatedData(owner));
    }

    /** The value, or empty when the owner's key was shredded. */
    public Optional<String> open(AccountId owner, byte[] sealed) {
        return existingKey(owner)
                .map(key -> new String(AesGcm.open(key, sealed, associatedData(owner)), StandardCharsets.UTF_8));
    }

    /** Destroys the owner's key for good. */
    public void shred(AccountId owner) {
        jdbc.sql("""
                        INSERT INTO personal_data_key (owner_id, wrapped_key, created_at, shredded_at)
                        VALUES (:owner, NULL, now(), now())
                        ON CONFLICT (owner_id) DO UPDATE SET wrapped_key = NULL, shredded_at = now()""")
            .param("owner", owner.value())
            .update();
    }

    private Optional<SecretKey> key(AccountId owner) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        jdbc.sql("""
                        INSERT INTO personal_data_key (owner_id, wrapped_key, created_at)
                        VALUES (:owner, :wrapped, now())
                        ON CONFLICT (owner_id) DO NOTHING""")
            .param("owner", owner.value())
            .param("wrapped", AesGcm.seal(wrappingKey, fresh, associatedData(owner)))
            .update();
        return existingKey(owner);
    }

    private Optional<SecretKey> existingKey(AccountId owner) {
        return jdbc.sql("SELECT wrapped_key FROM personal_data_key WHERE owner_id = :owner AND wrapped_key IS NOT NULL")
                   .param("owner", owner.value())
                   .query(byte[].class).optional()
                   .map(wrapped -> new SecretKeySpec(AesGcm.open(wrappingKey, wrapped, associatedData(owner)), "AES"));
    }

    private static byte[] associatedData(AccountId owner) {
        return owner.value().getBytes(StandardCharsets.UTF_8);
    }
}
