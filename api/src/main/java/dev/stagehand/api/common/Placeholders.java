package dev.stagehand.api.common;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Templates with {@code {{name}}} placeholders: every one must be closed and known. */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private Placeholders() {
    }

    /** Throws a {@link RuleViolation} naming the first unclosed or unknown placeholder in {@code template}. */
    public static void check(String template, Set<String> known) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        int checkedUpTo = 0;
        while (placeholder.find()) {
            unclosed(template.substring(checkedUpTo, placeholder.start()));
            if (!known.contains(placeholder.group(1))) {
                throw new RuleViolation("The template has an unknown placeholder {{" + placeholder.group(1)
                        + "}}; known ones: " + String.join(", ", known.stream().sorted().toList()));
            }
            checkedUpTo = placeholder.end();
        }
        unclosed(template.substring(checkedUpTo));
    }

    /** {@code template} with each placeholder replaced by its value in {@code values} (empty when it has none). */
    public static String fill(String template, Map<String, String> values) {
        return PLACEHOLDER.matcher(template).replaceAll(found ->
                Matcher.quoteReplacement(values.getOrDefault(found.group(1), "")));
    }

    private static void unclosed(String text) {
        int open = text.indexOf("{{");
        if (open >= 0) {
            throw new RuleViolation("The template has an unclosed placeholder near '"
                    + text.substring(open, Math.min(text.length(), open + 20)) + "'");
        }
    }
}
