package dev.stagehand.sagas.channel;

import com.github.twitch4j.chat.events.channel.IRCMessageEvent;
import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.chat.ChatRecord.Badge;
import dev.stagehand.api.chat.ChatRecord.Chatter;
import dev.stagehand.api.chat.ChatRecord.EmoteOccurrence;
import dev.stagehand.api.chat.ChatRecord.EmoteProvider;
import dev.stagehand.api.chat.ChatRecord.Kind;
import dev.stagehand.sagas.emote.EmoteMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns Twitch's IRC lines into {@link ChatRecord}s: messages, subs, gifts, raids, bans, timeouts, clears and
 * deletions. Lines of other kinds, and malformed ones, give nothing.
 */
final class ChatRecords {

    private static final String ACTION_START = "\u0001ACTION ";

    private ChatRecords() {
    }

    static Optional<ChatRecord> from(IRCMessageEvent line, Instant receivedAt, EmoteMatcher emotes) {
        String channelId = line.getChannelId();
        Optional<String> channel = line.getChannelName();
        if (channelId == null || channel.isEmpty()) {
            return Optional.empty();
        }
        try {
            return switch (line.getCommandType()) {
                case "PRIVMSG" -> message(line, channelId, channel.get(), receivedAt, emotes);
                case "USERNOTICE" -> notice(line, channelId, channel.get(), receivedAt, emotes);
                case "CLEARCHAT" -> clear(line, channelId, channel.get(), receivedAt);
                case "CLEARMSG" -> deletion(line, channelId, channel.get(), receivedAt);
                default -> Optional.empty();
            };
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<ChatRecord> message(IRCMessageEvent line, String channelId, String channel,
                                                Instant receivedAt, EmoteMatcher emotes) {
        Optional<String> id = line.getMessageId();
        Optional<String> text = line.getMessage();
        if (id.isEmpty() || text.isEmpty()) {
            return Optional.empty();
        }
        String body = text.get();
        if (body.startsWith(ACTION_START) && body.endsWith("\u0001")) {
            body = body.substring(ACTION_START.length(), body.length() - 1);
        }
        String source = line.getTagValue("source-room-id").filter(room -> !room.equals(channelId)).orElse(null);
        return Optional.of(new ChatRecord(ChatRecord.SCHEMA_VERSION, Kind.MESSAGE, id.get(), channelId, channel, source,
                author(line), body, emotes.occurrences(channelId, body, twitchEmotes(line, body)), null, null, null,
                null, null,
                sentAt(line, receivedAt), receivedAt));
    }

    private static Optional<ChatRecord> notice(IRCMessageEvent line, String channelId, String channel,
                                               Instant receivedAt, EmoteMatcher emotes) {
        String id = line.getMessageId().orElse(null);
        String kind = line.getTagValue("msg-id").orElse("");
        if (id == null) {
            return Optional.empty();
        }
        Instant sentAt = sentAt(line, receivedAt);
        return switch (kind) {
            case "sub", "resub" -> {
                String text = line.getMessage().orElse(null);
                int months = line.getTagValue("msg-param-cumulative-months").map(Integer::parseInt).orElse(1);
                yield Optional.of(new ChatRecord(ChatRecord.SCHEMA_VERSION, Kind.SUBSCRIPTION, id, channelId, channel,
                        null, author(line), text, text == null ? List.of()
                        : emotes.occurrences(channelId, text, twitchEmotes(line, text)), null, null, null, months,
                        null, sentAt, receivedAt));
            }
            case "subgift" -> Optional.of(new ChatRecord(ChatRecord.SCHEMA_VERSION, Kind.GIFT_SUBSCRIPTION, id,
                    channelId, channel, null, author(line), null, List.of(),
                    new Chatter(line.getTagValue("msg-param-recipient-id").orElse(null),
                            line.getTagValue("msg-param-recipient-user-name").orElse(null),
                            line.getTagValue("msg-param-recipient-display-name").orElse(null), null, List.of()),
                    null, null, null, null, sentAt, receivedAt));
            case "raid" -> Optional.of(new ChatRecord(ChatRecord.SCHEMA_VERSION, Kind.RAID, id, channelId, channel,
                    null, author(line), null, List.of(), null, null, null, null,
                    line.getTagValue("msg-param-viewerCount").map(Integer::parseInt).orElse(0), sentAt, receivedAt));
            default -> Optional.empty();
        };
    }

    private static Optional<ChatRecord> clear(IRCMessageEvent line, String channelId, String channel,
                                              Instant receivedAt) {
        Instant sentAt = sentAt(line, receivedAt);
        Optional<String> target = line.getMessage();
        // Twitch gives CLEARCHAT no id: this one is stable for the same line, so a redelivery deduplicates.
        String id = "clearchat:" + channelId + ":" + sentAt.toEpochMilli() + ":" + target.orElse("");
        if (target.isEmpty()) {
            return Optional.of(new ChatRecord(ChatRecord.SCHEMA_VERSION, Kind.CHAT_CLEARED, id, channelId, channel,
                    null, null, null, List.of(), null, null, null, null, null, sentAt, receivedAt));
        }
        Integer duration = line.getTagValue("ban-duration").map(Integer::parseInt).orElse(null);
        return Optional.of(new ChatRecord(ChatRecord.SCHEMA_VERSION, Kind.USER_CLEARED, id, channelId, channel, null,
                null, null, List.of(), new Chatter(line.getTagValue("target-user-id").orElse(null), target.get(), null,
                null, List.of()), null, duration, null, null, sentAt, receivedAt));
    }

    private static Optional<ChatRecord> deletion(IRCMessageEvent line, String channelId, String channel,
                                                 Instant receivedAt) {
        Optional<String> target = line.getTagValue("target-msg-id");
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Instant sentAt = sentAt(line, receivedAt);
        return Optional.of(new ChatRecord(ChatRecord.SCHEMA_VERSION, Kind.MESSAGE_DELETED,
                "clearmsg:" + target.get(), channelId, channel, null, null, line.getMessage().orElse(null), List.of(),
                new Chatter(null, line.getTagValue("login").orElse(null), null, null, List.of()), target.get(), null,
                null, null, sentAt, receivedAt));
    }

    private static Chatter author(IRCMessageEvent line) {
        String login = line.getTagValue("login").orElse(line.getUserName());
        List<Badge> badges = line.getBadges().entrySet().stream()
                .map(badge -> new Badge(badge.getKey(), badge.getValue())).toList();
        return new Chatter(line.getUserId(), login, line.getUserDisplayName().orElse(login),
                line.getUserChatColor().filter(color -> !color.isEmpty()).orElse(null), badges);
    }

    private static Instant sentAt(IRCMessageEvent line, Instant receivedAt) {
        return line.getTagValue("tmi-sent-ts").map(Long::parseLong).map(Instant::ofEpochMilli).orElse(receivedAt);
    }

    private static List<EmoteOccurrence> twitchEmotes(IRCMessageEvent line, String text) {
        return emotes(line.getTagValue("emotes").orElse(""), text);
    }

    /**
     * Twitch's {@code emotes} tag, {@code 25:0-4,12-16/1902:6-10}: inclusive ranges in code points. Ranges outside
     * the text are dropped rather than trusted.
     */
    static List<EmoteOccurrence> emotes(String tag, String text) {
        if (tag.isEmpty()) {
            return List.of();
        }
        int length = text.codePointCount(0, text.length());
        List<EmoteOccurrence> emotes = new ArrayList<>();
        for (String emote : tag.split("/")) {
            int colon = emote.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String id = emote.substring(0, colon);
            for (String range : emote.substring(colon + 1).split(",")) {
                String[] bounds = range.split("-");
                if (bounds.length != 2 || !bounds[0].matches("[0-9]{1,6}") || !bounds[1].matches("[0-9]{1,6}")) {
                    continue;
                }
                int start = Integer.parseInt(bounds[0]);
                int end = Integer.parseInt(bounds[1]);
                if (start < 0 || end < start || end >= length) {
                    continue;
                }
                String code = text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end + 1));
                emotes.add(new EmoteOccurrence(EmoteProvider.TWITCH, id, code, start, end, false));
            }
        }
        emotes.sort(Comparator.comparingInt(EmoteOccurrence::start));
        return List.copyOf(emotes);
    }
}
