package dev.stagehand.api.account;

import java.util.Objects;

/**
 * A piece of a person's data inside an event. The event store keeps it encrypted with its owner's own key; deleting the
 * account deletes that key, after which the value reads back as {@code null} (crypto-shredding), replays included.
 */
public record PersonalData(AccountId owner, String value) {

    public PersonalData {
        Objects.requireNonNull(owner, "owner");
    }

    public static PersonalData of(AccountId owner, String value) {
        return new PersonalData(owner, Objects.requireNonNull(value, "value"));
    }

    /** True once the owner's account was deleted and the value can no longer be read. */
    public boolean erased() {
        return value == null;
    }

    /** Never prints the value, so that personal data cannot slip into a log line. */
    @Override
    public String toString() {
        return erased() ? "PersonalData[erased]" : "PersonalData[owner=" + owner + "]";
    }
}
