package dev.stagehand.twitchsim.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One IRC line in Twitch's dialect: {@code @tags :prefix COMMAND param param :trailing}. */
record IrcMessage(Map<String, String> tags, String prefix, String command, List<String> params) {

    static Optional<IrcMessage> parse(String line) {
        String rest = line.strip();
        Map<String, String> tags = Map.of();
        if (rest.startsWith("@")) {
            int space = rest.indexOf(' ');
            if (space < 0) {
                return Optional.empty();
            }
            tags = parseTags(rest.substring(1, space));
            rest = rest.substring(space + 1).stripLeading();
        }
        String prefix = null;
        if (rest.startsWith(":")) {
            int space = rest.indexOf(' ');
            if (space < 0) {
                return Optional.empty();
            }
            prefix = rest.substring(1, space);
            rest = rest.substring(space + 1).stripLeading();
        }
        int space = rest.indexOf(' ');
        String command = (space < 0 ? rest : rest.substring(0, space)).toUpperCase();
        if (command.isEmpty()) {
            return Optional.empty();
        }
        List<String> params = new ArrayList<>();
        rest = space < 0 ? "" : rest.substring(space + 1);
        while (!rest.isEmpty()) {
            if (rest.startsWith(":")) {
                params.add(rest.substring(1));
                break;
            }
            int next = rest.indexOf(' ');
            if (next < 0) {
                params.add(rest);
                break;
            }
            if (next > 0) {
                params.add(rest.substring(0, next));
            }
            rest = rest.substring(next + 1);
        }
        return Optional.of(new IrcMessage(tags, prefix, command, Collections.unmodifiableList(params)));
    }

    String param(int index) {
        return index < params.size() ? params.get(index) : null;
    }

    private static Map<String, String> parseTags(String raw) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : raw.split(";")) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                tags.put(pair, "");
            } else {
                tags.put(pair.substring(0, equals), unescape(pair.substring(equals + 1)));
            }
        }
        return tags;
    }

    /** Escapes a tag value as IRCv3 requires: {@code \s} space, {@code \:} semicolon, {@code \\} backslash. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case ' ' -> escaped.append("\\s");
                case ';' -> escaped.append("\\:");
                case '\\' -> escaped.append("\\\\");
                case '\r' -> escaped.append("\\r");
                case '\n' -> escaped.append("\\n");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String unescape(String value) {
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 == value.length()) {
                plain.append(c == '\\' ? "" : c);
                continue;
            }
            char next = value.charAt(++i);
            plain.append(switch (next) {
                case 's' -> ' ';
                case ':' -> ';';
                case 'r' -> '\r';
                case 'n' -> '\n';
                default -> next;
            });
        }
        return plain.toString();
    }
}
