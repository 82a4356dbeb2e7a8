package dev.stagehand.api.common;

/**
 * Settings checked as the application binds them: one out of its range stops the start with a message that names it
 * by its full key, its range and the value it was given.
 */
public final class SettingCheck {

    private SettingCheck() {
    }

    /** @throws IllegalArgumentException unless {@code holds}: "KEY must be RANGE, not VALUE" */
    public static void require(boolean holds, String key, String range, Object value) {
        if (!holds) {
            throw new IllegalArgumentException(key + " must be " + range + ", not " + value);
        }
    }
}
