package dev.stagehand.api.chatroom;

import dev.stagehand.api.common.RuleViolation;

/**
 * A room's style, as data: what the LLM is asked to do with each message, and the rules of the fast fallback.
 *
 * @param name   what people see ("Pirate")
 * @param prompt the system prompt the LLM gets before each message
 */
public record RoomStyle(String name, String prompt, StyleRules rules) {

    public static final int MAX_PROMPT = 2_000;

    /** @throws RuleViolation saying what is missing or too long */
    public RoomStyle validated() {
        if (name == null || name.isBlank() || name.length() > 40) {
            throw new RuleViolation("A style needs a name of at most 40 characters");
        }
        if (prompt == null || prompt.isBlank() || prompt.length() > MAX_PROMPT) {
            throw new RuleViolation("A style needs a prompt of at most " + MAX_PROMPT + " characters");
        }
        if (rules == null) {
            throw new RuleViolation("A style needs rules for when no model answers");
        }
        return this;
    }
}
