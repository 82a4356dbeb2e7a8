package dev.stagehand.sagas.chatroom;

import dev.stagehand.api.chatroom.RoomStyle;
import dev.stagehand.api.chatroom.StyleRules;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites a message in a style by its rules alone, in microseconds: whole words replaced (keeping a capital first
 * letter), an opener before, a closer and emojis after, each chosen by the message's text, so that the same message in
 * the same style always comes out the same. What every message gets when no model is configured, answers too late, or
 * fails.
 */
final class RuleStylist implements Stylist {

    static final String NAME = "rules";

    @Override
    public List<Styled> restyle(RoomStyle style, List<String> texts) {
        return texts.stream().map(text -> new Styled(restyle(style, text), NAME, null)).toList();
    }

    static String restyle(RoomStyle style, String text) {
        StyleRules rules = style.rules();
        int hash = text.hashCode() * 31 + style.name().hashCode();
        StringBuilder styled = new StringBuilder(text.length() + 64);
        append(styled, pick(rules.openers(), hash));
        if (!styled.isEmpty()) {
            styled.append(' ');
        }
        replaceWords(styled, text, rules);
        append(styled, pick(rules.closers(), hash >>> 8));
        List<String> emojis = rules.emojis();
        int emoji = hash >>> 16;
        append(styled, pick(emojis, emoji));
        if ((hash & 1) == 1 && emojis.size() > 1) {
            append(styled, pick(emojis, emoji + 1));
        }
        return styled.toString().strip();
    }

    private static void replaceWords(StringBuilder styled, String text, StyleRules rules) {
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && Character.isLetter(text.charAt(end))) {
                end++;
            }
            if (end == i) {
                styled.append(text.charAt(i++));
                continue;
            }
            String word = text.substring(i, end);
            String replacement = rules.replacements().get(word.toLowerCase(Locale.ROOT));
            styled.append(replacement == null ? word : matchCase(word, replacement));
            i = end;
        }
    }

    private static String matchCase(String word, String replacement) {
        if (replacement.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
            return replacement;
        }
        return Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
    }

    private static String pick(List<String> choices, int hash) {
        return choices.isEmpty() ? "" : choices.get(Math.floorMod(hash, choices.size()));
    }

    private static void append(StringBuilder styled, String part) {
        if (part.isEmpty()) {
            return;
        }
        if (!styled.isEmpty() && styled.charAt(styled.length() - 1) != ' ') {
            styled.append(' ');
        }
        styled.append(part);
    }
}
