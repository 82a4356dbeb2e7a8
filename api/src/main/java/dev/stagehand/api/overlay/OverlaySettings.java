package dev.stagehand.api.overlay;

import dev.stagehand.api.common.Placeholders;
import dev.stagehand.api.common.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * How an overlay shows chat.
 *
 * @param theme        a built-in look: {@code classic}, {@code bubbles} or {@code minimal}
 * @param template     the streamer's own HTML for one message, with placeholders such as {@code {{displayName}}} and
 *                     {@code {{message}}}; blank for the theme's
 * @param css          the streamer's own CSS, added after the theme's
 * @param fadeSeconds  how long a message stays (0: until pushed out)
 * @param maxLines     how many messages show at once
 * @param hideBots     leave out well-known bots
 * @param hideCommands leave out messages that start with {@code !}
 * @param delaySeconds hold every message this long, so that one moderated meanwhile never shows
 */
public record OverlaySettings(String theme, String template, String css, int fadeSeconds, int maxLines,
                              boolean hideBots, boolean hideCommands, int delaySeconds) {

    public static final List<String> THEMES = List.of("classic", "bubbles", "minimal");
    public static final Set<String> PLACEHOLDERS =
            Set.of("displayName", "login", "message", "badges", "color", "channel", "time");
    public static final int MAX_BYTES = 64 * 1024;

    public static OverlaySettings defaults() {
        return new OverlaySettings("classic", "", "", 30, 15, true, true, 0);
    }

    /** Returns the settings with blanks normalised, or throws a {@link RuleViolation} saying what is wrong. */
    public OverlaySettings validated() {
        String chosenTheme = theme == null || theme.isBlank() ? "classic" : theme.strip();
        if (!THEMES.contains(chosenTheme)) {
            throw new RuleViolation("theme must be one of " + String.join(", ", THEMES));
        }
        String html = template == null ? "" : template;
        String style = css == null ? "" : css;
        if (html.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new RuleViolation("The template is over 64 KB");
        }
        if (style.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new RuleViolation("The CSS is over 64 KB");
        }
        Placeholders.check(html, PLACEHOLDERS);
        if (fadeSeconds < 0 || fadeSeconds > 3600) {
            throw new RuleViolation("fadeSeconds must be between 0 (never) and 3600");
        }
        if (maxLines < 1 || maxLines > 200) {
            throw new RuleViolation("maxLines must be between 1 and 200");
        }
        if (delaySeconds < 0 || delaySeconds > 30) {
            throw new RuleViolation("delaySeconds must be between 0 and 30");
        }
        return new OverlaySettings(chosenTheme, html, style, fadeSeconds, maxLines, hideBots, hideCommands,
                delaySeconds);
    }
}
