package dev.stagehand.api.notification;

import dev.stagehand.api.common.Placeholders;
import dev.stagehand.api.common.RuleViolation;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How one webhook subscription announces a stream.
 *
 * @param template           the message's text above its embed, with placeholders such as {@code {{streamer}}};
 *                           blank for the default embed alone
 * @param roleMentions       Discord role ids the message may ping; nothing else is ever pinged (no {@code @everyone},
 *                           whatever the template says)
 * @param languages          only streams in these languages (ISO 639-1, as Twitch reports them); empty for any
 * @param titleKeywords      only streams whose title contains one of these (any case); empty for any
 * @param announceGameChange post again when a live stream switches to another game
 * @param whenOffline        what becomes of the message when the stream ends
 */
public record NotificationOptions(String template, List<String> roleMentions, List<String> languages,
                                  List<String> titleKeywords, boolean announceGameChange, WhenOffline whenOffline) {

    public enum WhenOffline {
        /** The message is edited to say the stream ended and how long it lasted. */
        EDIT,
        /** The message is deleted. */
        DELETE,
        /** The message stays as it is. */
        KEEP
    }

    public static final Set<String> PLACEHOLDERS =
            Set.of("streamer", "login", "title", "game", "url", "viewers", "thumbnail");
    /** Discord's limit for a message's content. */
    public static final int MAX_TEMPLATE = 2000;
    private static final int MAX_ENTRIES = 10;
    private static final int MAX_KEYWORD = 50;
    private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{17,20}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}|other");

    public static NotificationOptions defaults() {
        return new NotificationOptions("", List.of(), List.of(), List.of(), false, WhenOffline.EDIT);
    }

    /** Returns the options with blanks normalised, or throws a {@link RuleViolation} saying what is wrong. */
    public NotificationOptions validated() {
        String text = template == null ? "" : template.strip();
        if (text.codePointCount(0, text.length()) > MAX_TEMPLATE) {
            throw new RuleViolation("The message template can have at most " + MAX_TEMPLATE + " characters");
        }
        Placeholders.check(text, PLACEHOLDERS);
        List<String> roles = entries(roleMentions, "role mentions");
        roles.stream().filter(role -> !SNOWFLAKE.matcher(role).matches()).findFirst().ifPresent(role -> {
            throw new RuleViolation("'" + role + "' is not a Discord role id (17 to 20 digits; in Discord, "
                    + "right-click the role and copy its id)");
        });
        List<String> codes = entries(languages, "languages").stream().map(code -> code.toLowerCase(Locale.ROOT))
                .toList();
        codes.stream().filter(code -> !LANGUAGE.matcher(code).matches()).findFirst().ifPresent(code -> {
            throw new RuleViolation("'" + code + "' is not a two-letter language code such as en or de");
        });
        List<String> keywords = entries(titleKeywords, "title keywords");
        keywords.stream().filter(keyword -> keyword.length() > MAX_KEYWORD).findFirst().ifPresent(keyword -> {
            throw new RuleViolation("A title keyword can have at most " + MAX_KEYWORD + " characters");
        });
        return new NotificationOptions(text, roles, codes, keywords, announceGameChange,
                whenOffline == null ? WhenOffline.EDIT : whenOffline);
    }

    private static List<String> entries(List<String> values, String what) {
        List<String> kept = values == null ? List.of()
                : values.stream().filter(value -> value != null && !value.isBlank()).map(String::strip).distinct()
                        .toList();
        if (kept.size() > MAX_ENTRIES) {
            throw new RuleViolation("At most " + MAX_ENTRIES + " " + what + " are allowed");
        }
        return kept;
    }
}
