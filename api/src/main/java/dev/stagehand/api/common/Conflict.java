package dev.stagehand.api.common;

/** The command or request clashes with the current state; the gateway answers 409 with this message. */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
