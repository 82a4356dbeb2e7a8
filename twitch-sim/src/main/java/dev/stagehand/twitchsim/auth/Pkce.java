package dev.stagehand.twitchsim.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636) as an authorization server checks it: a code issued for a
 * {@code code_challenge} is only exchanged with the matching {@code code_verifier}.
 */
public record Pkce(String challenge, String method) {

    /** The challenge of an authorization request, or {@code null} when the client sent none. */
    public static Pkce of(String challenge, String method) {
        return challenge == null ? null : new Pkce(challenge, method == null ? "plain" : method);
    }

    public boolean verifiedBy(String verifier) {
        if (verifier == null) {
            return false;
        }
        String expected = "S256".equals(method) ? s256(verifier) : verifier;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
