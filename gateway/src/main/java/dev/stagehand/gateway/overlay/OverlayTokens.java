package dev.stagehand.gateway.overlay;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.common.SecretId;
import dev.stagehand.secrets.BearerSecrets;
import dev.stagehand.secrets.SecretStore;
import org.springframework.stereotype.Component;

/**
 * The secret in an overlay's URL: 256 random bits, kept encrypted in the secret store (so its owner can be shown the
 * URL again); the read model finds overlays by its SHA-256 only.
 */
@Component
class OverlayTokens {

    static final String SECRET_KIND = "overlay-url-token";

    private final SecretStore secrets;

    OverlayTokens(SecretStore secrets) {
        this.secrets = secrets;
    }

    /** A new token, kept: the secret holding it and its hash, for the overlay's events. */
    record Issued(SecretId secret, String hash) {
    }

    Issued issue(AccountId owner) {
        String token = BearerSecrets.random();
        return new Issued(secrets.store(owner, SECRET_KIND, token), BearerSecrets.sha256(token));
    }

    /** The token, or empty once erased (its owner's account deleted). */
    String read(SecretId secret) {
        return secrets.read(secret).orElse("");
    }

    void forget(SecretId secret) {
        secrets.delete(secret);
    }
}
