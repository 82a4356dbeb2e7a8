package dev.stagehand.secrets;

/** A sealed value does not open with the key in use: wrong master key, or a tampered value. */
public class SealedValueUnreadableException extends RuntimeException {

    SealedValueUnreadableException(Throwable cause) {
        super("A sealed value does not open with the configured master key; was STAGEHAND_MASTER_KEY changed?", cause);
    }
}
