package dev.stagehand.api.account;

import java.util.Objects;
import java.util.UUID;

/** Identifies one Stagehand account: one person, whichever providers they log in with. */
public record AccountId(String value) {

    public AccountId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("An account id cannot be blank");
        }
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID().toString());
    }

    /** Axon uses {@code toString()} as the aggregate identifier, so it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
