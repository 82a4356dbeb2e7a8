package dev.stagehand.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The token that lets an operator use the API before anyone can log in. Configured explicitly, or generated on the
 * first start of a deployment and printed once; only its SHA-256 hash is kept, shared by every node.
 */
@Component
class BootstrapOperatorToken {

    private static final Logger log = LoggerFactory.getLogger(BootstrapOperatorToken.class);

    private final byte[] expectedHash;

    BootstrapOperatorToken(OperatorProperties properties, JdbcClient jdbc) {
        this.expectedHash = StringUtils.hasText(properties.bootstrapToken())
                ? sha256(properties.bootstrapToken())
                : storedOrGeneratedHash(jdbc);
    }

    boolean matches(String presented) {
        return MessageDigest.isEqual(expectedHash, sha256(presented));
    }

    private static byte[] storedOrGeneratedHash(JdbcClient jdbc) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String candidate = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        int inserted = jdbc.sql("INSERT INTO bootstrap_operator_token (id, token_hash) VALUES (1, :hash) "
                        + "ON CONFLICT (id) DO NOTHING")
                .param("hash", sha256(candidate))
                .update();
        if (inserted == 1) {
            log.warn("""

                    ================================================================================
                     Bootstrap operator token (shown once; only its hash is stored):
                       {}
                     Use it as 'Authorization: Bearer <token>' on /api/accounts and /api/admin.
                    ================================================================================""",
                    candidate);
        }
        return jdbc.sql("SELECT token_hash FROM bootstrap_operator_token WHERE id = 1").query(byte[].class).single();
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
