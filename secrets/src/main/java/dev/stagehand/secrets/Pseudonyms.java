package dev.stagehand.secrets;

import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/**
 * Stands in for an id where others see it: the same id has the same pseudonym within a scope (a chat room) on every
 * node of a deployment, another in every other scope, and the id cannot be read back or guessed from it without the
 * master key.
 */
@Component
public class Pseudonyms {

    /** 96 bits: no two of a room's senders share one in practice. */
    private static final int BYTES = 12;

    private final SecretKey key;

    Pseudonyms(MasterKey masterKey) {
        this.key = masterKey.derive("stagehand pseudonyms v1");
    }

    /** The pseudonym of {@code id} in {@code scope}: 16 URL-safe characters. */
    public String of(String scope, String id) {
        byte[] hash = HmacSha256.of(key, scope + "\n" + id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, BYTES));
    }
}
