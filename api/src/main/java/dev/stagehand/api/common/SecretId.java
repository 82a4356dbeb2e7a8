package dev.stagehand.api.common;

import java.util.Objects;
import java.util.UUID;

/**
 * Names a secret (an OAuth token, a webhook URL) kept encrypted in the secret store. Events and read models carry this
 * id, never the secret itself.
 */
public record SecretId(String value) {

    public SecretId {
        Objects.requireNonNull(value, "value");
        UUID.fromString(value);
    }

    public static SecretId random() {
        return new SecretId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
