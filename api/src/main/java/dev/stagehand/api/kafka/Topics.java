package dev.stagehand.api.kafka;

import dev.stagehand.api.analytics.ChatStats;
import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.chatroom.PublishedRoomMessage;
import dev.stagehand.api.chatroom.RoomModeration;
import dev.stagehand.api.chatroom.SubmittedRoomMessage;
import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.DetectorWarmUp;
import java.time.Duration;
import java.util.List;

/**
 * Every Kafka topic Stagehand uses, with its key and value types and how long Kafka keeps its records. Names are
 * {@code stagehand.<feature>.<what>}. Chat is kept a week: its readers (history, analytics) store what they need
 * within seconds, and a week lets one that was down catch up. Statistics and warm-ups are compacted: only a key's
 * latest matters. Spikes and dead letters are kept 30 days for an operator to look into.
 */
public final class Topics {

    /**
     * Chat and chat events of the Twitch channels Stagehand follows, keyed by Twitch channel id (so one channel's
     * records stay in order on one partition). Written by the chat ingester only.
     */
    public static final Topic<String, ChatRecord> CHAT_MESSAGES =
            Topic.kept("stagehand.chat.messages", String.class, ChatRecord.class, 12, Duration.ofDays(7));

    /**
     * Per-channel chat statistics of tumbling windows ({@link ChatStats}), keyed by Twitch channel id. Written by the
     * chat analytics stream processor only.
     */
    public static final Topic<String, ChatStats> CHAT_STATS =
            Topic.compacted("stagehand.chat.stats", String.class, ChatStats.class, 12);

    /** Chat spikes ({@link ChatSpike}), keyed by Twitch channel id. Written by the spike detector only. */
    public static final Topic<String, ChatSpike> CHAT_SPIKES =
            Topic.kept("stagehand.highlights.spikes", String.class, ChatSpike.class, 12, Duration.ofDays(30));

    /**
     * When each channel's spike detector began watching afresh and will be warm ({@link DetectorWarmUp}), keyed by
     * Twitch channel id; only the latest of a channel matters. Written by the spike detector only.
     */
    public static final Topic<String, DetectorWarmUp> SPIKE_WARM_UPS =
            Topic.compacted("stagehand.highlights.warm-ups", String.class, DetectorWarmUp.class, 12);

    /**
     * Records of {@link #CHAT_MESSAGES} that are not chat records Stagehand can keep, as they were, with headers saying
     * where they came from and why they were set aside ({@code stagehand.dead-letter.*}). Written by the chat history
     * writer only; kept for an operator to inspect.
     */
    public static final Topic<String, String> CHAT_DEAD_LETTERS =
            Topic.kept("stagehand.chat.dead-letters", String.class, String.class, 1, Duration.ofDays(30));

    /** Messages registered users sent to chat rooms, keyed by room slug. Written by the gateway nodes only. */
    public static final Topic<String, SubmittedRoomMessage> ROOM_SUBMITTED =
            Topic.kept("stagehand.rooms.submitted", String.class, SubmittedRoomMessage.class, 12,
                    Duration.ofDays(1));

    /** Room messages once styled, keyed by room slug. Written by the skibidifier only. */
    public static final Topic<String, PublishedRoomMessage> ROOM_PUBLISHED =
            Topic.kept("stagehand.rooms.published", String.class, PublishedRoomMessage.class, 12,
                    Duration.ofDays(7));

    /** Moderations of room messages for every node to apply, keyed by room slug. Written by the moderation relay. */
    public static final Topic<String, RoomModeration> ROOM_MODERATION =
            Topic.kept("stagehand.rooms.moderation", String.class, RoomModeration.class, 3, Duration.ofDays(7));

    public static final List<Topic<?, ?>> ALL = List.of(CHAT_MESSAGES, CHAT_STATS, CHAT_SPIKES, SPIKE_WARM_UPS,
            CHAT_DEAD_LETTERS,
            ROOM_SUBMITTED, ROOM_PUBLISHED, ROOM_MODERATION);

    private Topics() {
    }
}
