package dev.stagehand.gateway.problem;

/** The request clashes with the current state; answered as 409 Conflict with this message as the detail. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
