package dev.stagehand.twitchsim.chat;

import dev.stagehand.twitchsim.world.SimUser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The lines Twitch sends into a channel, with the tags Twitch puts on them. */
final class ChatLines {

    private ChatLines() {
    }

    static String badgesOf(SimUser chatter, SimUser broadcaster) {
        return chatter.id().equals(broadcaster.id()) ? "broadcaster/1" : "";
    }

    static ChatLine privmsg(SimUser broadcaster, SimUser chatter, String text, String emotes, String badges) {
        return privmsg(UUID.randomUUID().toString(), System.currentTimeMillis(), broadcaster, chatter, text, emotes,
                badges, "", false);
    }

    static ChatLine privmsg(String id, long sentAt, SimUser broadcaster, SimUser chatter, String text, String emotes,
                            String badges, String badgeInfo, boolean firstMessage) {
        String tags = "badge-info=" + badgeInfo + ";badges=" + badges + ";color=" + chatter.color()
                + ";display-name=" + IrcMessage.escape(chatter.displayName()) + ";emotes=" + emotes
                + ";first-msg=" + (firstMessage ? 1 : 0) + ";flags=;id=" + id
                + ";mod=" + (badges.contains("moderator/") ? 1 : 0) + ";returning-chatter=0"
                + ";room-id=" + broadcaster.id() + ";subscriber=" + (badges.contains("subscriber/") ? 1 : 0)
                + ";tmi-sent-ts=" + sentAt + ";turbo=0;user-id=" + chatter.id() + ";user-type=";
        return ChatLine.of(tags, ":" + chatter.login() + "!" + chatter.login() + "@" + chatter.login()
                + ".tmi.twitch.tv PRIVMSG #" + broadcaster.login() + " :" + text);
    }

    /** USERNOTICE (sub, resub, subgift, raid…): {@code params} are the {@code msg-param-*} tags, already built. */
    static ChatLine usernotice(SimUser broadcaster, SimUser user, String msgId, String params, String systemMessage,
                               String text) {
        String tags = "badge-info=;badges=;color=" + user.color() + ";display-name="
                + IrcMessage.escape(user.displayName()) + ";emotes=;flags=;id=" + UUID.randomUUID()
                + ";login=" + user.login() + ";mod=0;msg-id=" + msgId + (params.isEmpty() ? "" : ";" + params)
                + ";room-id=" + broadcaster.id() + ";subscriber=0;system-msg=" + IrcMessage.escape(systemMessage)
                + ";tmi-sent-ts=" + System.currentTimeMillis() + ";user-id=" + user.id() + ";user-type=";
        return ChatLine.of(tags, ":tmi.twitch.tv USERNOTICE #" + broadcaster.login()
                + (text == null ? "" : " :" + text));
    }

    /** CLEARCHAT for one user (a ban without duration, a timeout with one) or, with no user, the whole chat. */
    static ChatLine clearchat(SimUser broadcaster, SimUser target, Integer durationSeconds) {
        String tags = (durationSeconds == null ? "" : "ban-duration=" + durationSeconds + ";") + "room-id="
                + broadcaster.id() + (target == null ? "" : ";target-user-id=" + target.id()) + ";tmi-sent-ts="
                + System.currentTimeMillis();
        return ChatLine.of(tags, ":tmi.twitch.tv CLEARCHAT #" + broadcaster.login()
                + (target == null ? "" : " :" + target.login()));
    }

    static ChatLine clearmsg(SimUser broadcaster, SimUser author, String messageId, String text) {
        String tags = "login=" + author.login() + ";room-id=;target-msg-id=" + messageId + ";tmi-sent-ts="
                + System.currentTimeMillis();
        return ChatLine.of(tags, ":tmi.twitch.tv CLEARMSG #" + broadcaster.login() + " :" + text);
    }

    /** The line with these tags set (values as they read, escaped here) over the ones Twitch would have sent. */
    static ChatLine withTags(ChatLine line, Map<String, String> tags) {
        String tagged = line.tagged();
        int space = tagged.indexOf(' ');
        Map<String, String> merged = new LinkedHashMap<>();
        for (String tag : tagged.substring(1, space).split(";")) {
            int equals = tag.indexOf('=');
            merged.put(tag.substring(0, equals), tag.substring(equals + 1));
        }
        tags.forEach((key, value) -> merged.put(key, IrcMessage.escape(value)));
        StringBuilder rebuilt = new StringBuilder();
        merged.forEach((key, value) -> rebuilt.append(rebuilt.isEmpty() ? "" : ";").append(key).append('=')
                .append(value));
        return ChatLine.of(rebuilt.toString(), line.plain());
    }
}
