package dev.stagehand.api.chat;

import java.time.Instant;
import java.util.List;

/**
 * One thing that happened in a Twitch channel's chat, as it travels on {@code stagehand.chat.messages}. A flat,
 * versioned record: fields that do not apply to a {@link Kind} are null (or empty lists), so consumers read every
 * kind with one type and new optional fields can be added without a new version.
 *
 * <table>
 *   <caption>Fields by kind</caption>
 *   <tr><th>kind</th><th>user</th><th>text</th><th>also</th></tr>
 *   <tr><td>MESSAGE</td><td>author</td><td>the message</td><td>emotes, sourceChannelId for shared chat</td></tr>
 *   <tr><td>SUBSCRIPTION</td><td>subscriber</td><td>their message, if any</td><td>months (1 for a new sub)</td></tr>
 *   <tr><td>GIFT_SUBSCRIPTION</td><td>gifter</td><td>-</td><td>recipient</td></tr>
 *   <tr><td>RAID</td><td>raider</td><td>-</td><td>viewers</td></tr>
 *   <tr><td>USER_CLEARED</td><td>-</td><td>-</td><td>target (banned, or timed out for durationSeconds)</td></tr>
 *   <tr><td>CHAT_CLEARED</td><td>-</td><td>-</td><td>-</td></tr>
 *   <tr><td>MESSAGE_DELETED</td><td>-</td><td>the deleted text</td><td>target (its author), targetMessageId</td></tr>
 * </table>
 *
 * @param schemaVersion   {@link #SCHEMA_VERSION} when written
 * @param id              Twitch's id of the message or event: consumers deduplicate by it (ingestion is at least once)
 * @param channelId       Twitch id of the channel, also the record's key
 * @param sourceChannelId for a shared-chat message mirrored from another channel, that channel's id; else null
 * @param emotes          every emote in {@code text}, from all four providers, positions in code points
 * @param sentAt          Twitch's timestamp ({@code tmi-sent-ts})
 * @param receivedAt      when Stagehand received it
 */
public record ChatRecord(int schemaVersion, Kind kind, String id, String channelId, String channelLogin,
                         String sourceChannelId, Chatter user, String text, List<EmoteOccurrence> emotes,
                         Chatter target, String targetMessageId, Integer durationSeconds, Integer months,
                         Integer viewers, Instant sentAt, Instant receivedAt) {

    public static final int SCHEMA_VERSION = 1;

    public enum Kind {
        MESSAGE, SUBSCRIPTION, GIFT_SUBSCRIPTION, RAID, USER_CLEARED, CHAT_CLEARED, MESSAGE_DELETED
    }

    public ChatRecord {
        emotes = emotes == null ? List.of() : List.copyOf(emotes);
    }

    /** A Twitch user as chat shows them. */
    public record Chatter(String id, String login, String displayName, String color, List<Badge> badges) {

        public Chatter {
            badges = badges == null ? List.of() : List.copyOf(badges);
        }
    }

    /** A chat badge, e.g. {@code subscriber/12}. */
    public record Badge(String name, String version) {
    }

    /**
     * An emote in a message's text: {@code start} and {@code end} are inclusive code-point indexes, as Twitch counts
     * them. A zero-width emote (7TV) is drawn over the emote before it.
     */
    public record EmoteOccurrence(EmoteProvider provider, String emoteId, String code, int start, int end,
                                  boolean zeroWidth) {
    }

    public enum EmoteProvider {
        TWITCH, BTTV, FFZ, SEVENTV
    }
}
