package dev.stagehand.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The deployment's 256-bit key. It seals secrets and wraps every account's personal-data key; every node of a deployment
 * must have the same one. Purpose-specific keys are derived from it, so no key serves two purposes.
 */
public final class MasterKey {

    private static final int BYTES = 32;

    private final byte[] key;

    private MasterKey(byte[] key) {
        if (key.length != BYTES) {
            throw new IllegalArgumentException("The master key must be " + BYTES + " bytes (base64 of 32 random bytes), "
                    + "not " + key.length);
        }
        this.key = key.clone();
    }

    public static MasterKey fromBase64(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("The master key must be base64 of 32 random bytes (openssl rand -base64 32)",
                    notBase64);
        }
        return new MasterKey(key);
    }

    /** Reads the key kept in {@code file}, creating the file with a new random key (owner-only) on first use. */
    public static MasterKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[BYTES];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------"))), Base64.getEncoder().encodeToString(random));
                } catch (FileAlreadyExistsException createdMeanwhile) {
                    // another process won the race; use its key
                }
            }
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
        }
    }

    /** A key for one purpose only, derived as HMAC-SHA256(master key, purpose). */
    SecretKey derive(String purpose) {
        return new SecretKeySpec(hmac(purpose), "AES");
    }

    /**
     * A secret shared with an outside party for one purpose (the secret Twitch signs EventSub webhooks with, say): 64
     * hex characters, the same on every node of the deployment and across restarts, never stored.
     */
    public String sharedSecret(String purpose) {
        return HexFormat.of().formatHex(hmac("shared:" + purpose));
    }

    private byte[] hmac(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[hidden]";
    }
}
