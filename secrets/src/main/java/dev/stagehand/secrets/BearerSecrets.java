package dev.stagehand.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets that whoever holds them may use (an overlay's URL, a personal API token): 256 random bits, URL-safe, found
 * again by their SHA-256, which is all a read model keeps.
 */
public final class BearerSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private BearerSecrets() {
    }

    /** 256 new random bits, in URL-safe base64 without padding (43 characters). */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of {@code secret}, in hex. */
    public static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
