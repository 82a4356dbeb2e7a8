package dev.stagehand.twitchsim.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Twitch's own emotes in the simulator: a global set and each channel's, and the {@code emotes} tag Twitch puts on a
 * message that uses them (ranges in Unicode code points, not UTF-16 units).
 */
public final class TwitchEmotes {

    private final Map<String, String> global = new ConcurrentHashMap<>(Map.of(
            "Kappa", "25", "PogChamp", "305954156", "LUL", "425618", "Kreygasm", "41", "4Head", "354",
            "BibleThump", "86", "SeemsGood", "64138", "HeyGuys", "30259", "NotLikeThis", "58765",
            "ResidentSleeper", "245"));
    private final Map<String, Map<String, String>> byChannel = new ConcurrentHashMap<>();

    public Map<String, String> global() {
        return Map.copyOf(global);
    }

    /** Adds a channel emote (a subscriber emote, say), visible in that channel's messages. */
    public void addChannelEmote(String channel, String code, String id) {
        byChannel.computeIfAbsent(channel, key -> new ConcurrentHashMap<>()).put(code, id);
    }

    public Map<String, String> channel(String channel) {
        return Map.copyOf(byChannel.getOrDefault(channel, Map.of()));
    }

    /** The {@code emotes} tag value for {@code text} in {@code channel}: {@code id:start-end,start-end/id:...}. */
    String tag(String channel, String text) {
        Map<String, String> channelEmotes = byChannel.getOrDefault(channel, Map.of());
        Map<String, List<String>> ranges = new LinkedHashMap<>();
        int codePoint = 0;
        int wordStart = 0;
        int wordStartCodePoint = 0;
        for (int i = 0; i <= text.length(); ) {
            boolean end = i == text.length();
            int c = end ? ' ' : text.codePointAt(i);
            if (c == ' ') {
                if (i > wordStart) {
                    String word = text.substring(wordStart, i);
                    String id = channelEmotes.getOrDefault(word, global.get(word));
                    if (id != null) {
                        ranges.computeIfAbsent(id, key -> new ArrayList<>())
                                .add(wordStartCodePoint + "-" + (codePoint - 1));
                    }
                }
                if (end) {
                    break;
                }
                wordStart = i + 1;
                wordStartCodePoint = codePoint + 1;
            }
            i += Character.charCount(c);
            codePoint++;
        }
        StringBuilder tag = new StringBuilder();
        ranges.forEach((id, positions) -> {
            if (!tag.isEmpty()) {
                tag.append('/');
            }
            tag.append(id).append(':').append(String.join(",", positions));
        });
        return tag.toString();
    }
}
