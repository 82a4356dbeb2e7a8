package dev.stagehand.secrets;

import dev.stagehand.api.account.Provider;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/**
 * A keyed hash of a provider's user id: lets Stagehand find the account of whoever logs in without keeping their
 * Twitch or Discord id in plain text outside the (crypto-shredded) events.
 */
@Component
public class IdentityHashes {

    private final SecretKey key;

    IdentityHashes(MasterKey masterKey) {
        this.key = masterKey.derive("stagehand identity hashes v1");
    }

    public byte[] hash(Provider provider, String userId) {
        return HmacSha256.of(key, provider.name() + ":" + userId);
    }
}
