package dev.stagehand.api.account;

import dev.stagehand.api.common.RuleViolation;

/** The one rule for what a display name may be, checked by the gateway and the aggregate alike. */
public final class DisplayNames {

    public static final int MAX_LENGTH = 64;

    private DisplayNames() {
    }

    /** Returns the name trimmed, or throws a {@link RuleViolation} saying what is wrong with it. */
    public static String validated(String displayName) {
        String trimmed = displayName == null ? "" : displayName.strip();
        if (trimmed.isEmpty()) {
            throw new RuleViolation("A display name cannot be empty");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            throw new RuleViolation("A display name can have at most " + MAX_LENGTH + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new RuleViolation("A display name cannot contain control characters");
        }
        return trimmed;
    }
}
