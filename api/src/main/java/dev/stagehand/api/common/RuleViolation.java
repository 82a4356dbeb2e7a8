package dev.stagehand.api.common;

/**
 * A command broke a business rule. The message is written for the person who sent the command: the gateway shows it
 * as the {@code detail} of a problem document.
 */
public class RuleViolation extends RuntimeException {

    public RuleViolation(String message) {
        super(message);
    }
}
