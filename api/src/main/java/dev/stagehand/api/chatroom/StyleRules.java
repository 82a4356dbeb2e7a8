package dev.stagehand.api.chatroom;

import java.util.List;
import java.util.Map;

/**
 * How the rule-based stylist rewrites a message in a style, without a model: whole words replaced, one opener and one
 * closer chosen per message, emojis sprinkled. Chosen by the message, so the same message in the same style always
 * comes out the same.
 *
 * @param replacements whole words (lower case) and what they become
 * @param openers      put before the message, one of them
 * @param closers      put after it, one of them
 * @param emojis       one or two of them at the end
 */
public record StyleRules(Map<String, String> replacements, List<String> openers, List<String> closers,
                         List<String> emojis) {

    public StyleRules {
        replacements = Map.copyOf(replacements);
        openers = List.copyOf(openers);
        closers = List.copyOf(closers);
        emojis = List.copyOf(emojis);
    }
}
