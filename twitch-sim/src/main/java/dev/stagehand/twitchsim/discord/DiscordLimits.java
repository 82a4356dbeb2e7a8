package dev.stagehand.twitchsim.discord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Discord's limits on a webhook message; each breach is reported the way Discord's "Invalid Form Body" does. */
final class DiscordLimits {

    private DiscordLimits() {
    }

    /** Field path → error message, empty when the message is acceptable. */
    static Map<String, String> violations(Map<?, ?> body) {
        Map<String, String> errors = new LinkedHashMap<>();
        Object content = body.get("content");
        if (content != null && !(content instanceof String)) {
            errors.put("content", "Must be a string.");
        } else if (content != null && ((String) content).codePointCount(0, ((String) content).length()) > 2000) {
            errors.put("content", "Must be 2000 or fewer in length.");
        }
        Object embeds = body.get("embeds");
        if (embeds != null && !(embeds instanceof List<?>)) {
            errors.put("embeds", "Must be an array.");
        } else if (embeds != null) {
            List<?> list = (List<?>) embeds;
            if (list.size() > 10) {
                errors.put("embeds", "Must be 10 or fewer in length.");
            }
            int total = 0;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> embed) {
                    total += embed(errors, "embeds." + i, embed);
                } else {
                    errors.put("embeds." + i, "Must be an object.");
                }
            }
            if (total > 6000) {
                errors.put("embeds", "Embed size exceeds maximum size of 6000");
            }
        }
        return errors;
    }

    static boolean isEmpty(Map<?, ?> body) {
        Object content = body.get("content");
        Object embeds = body.get("embeds");
        return (content == null || content.toString().isEmpty()) && (!(embeds instanceof List<?> list) || list.isEmpty());
    }

    private static int embed(Map<String, String> errors, String path, Map<?, ?> embed) {
        int size = text(errors, path + ".title", embed.get("title"), 256)
                + text(errors, path + ".description", embed.get("description"), 4096);
        if (embed.get("footer") instanceof Map<?, ?> footer) {
            size += text(errors, path + ".footer.text", footer.get("text"), 2048);
        }
        if (embed.get("author") instanceof Map<?, ?> author) {
            size += text(errors, path + ".author.name", author.get("name"), 256);
        }
        if (embed.get("fields") instanceof List<?> fields) {
            if (fields.size() > 25) {
                errors.put(path + ".fields", "Must be 25 or fewer in length.");
            }
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i) instanceof Map<?, ?> field) {
                    size += text(errors, path + ".fields." + i + ".name", field.get("name"), 256)
                            + text(errors, path + ".fields." + i + ".value", field.get("value"), 1024);
                }
            }
        }
        return size;
    }

    private static int text(Map<String, String> errors, String path, Object value, int max) {
        if (value == null) {
            return 0;
        }
        String text = value.toString();
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            errors.put(path, "Must be " + max + " or fewer in length.");
        }
        return length;
    }
}
