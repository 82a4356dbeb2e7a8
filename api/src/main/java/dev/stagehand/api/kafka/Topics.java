package dev.stagehand.api.kafka;

import dev.stagehand.api.analytics.ChatStats;
import dev.stagehand.api.chat.ChatRecord;
import dev.stagehand.api.chatroom.PublishedRoomMessage;
import dev.stagehand.api.chatroom.RoomModeration;
import dev.stagehand.api.chatroom.SubmittedRoomMessage;
import dev.stagehand.api.highlight.ChatSpike;
import dev.stagehand.api.highlight.DetectorWarmUp;
import java.util.List;

/** Every Kafka topic Stagehand uses, with its key and value types. Names are {@code stagehand.<feature>.<what>}. */
public final class Topics {

    /**
     * Chat and chat events of the Twitch channels Stagehand follows, keyed by Twitch channel id (so one channel's
     * records stay in order on one partition). Written by the chat ingester only.
     */
    public static final Topic<String, ChatRecord> CHAT_MESSAGES =
            new Topic<>("stagehand.chat.messages", String.class, ChatRecord.class, 12);

    /**
     * Per-channel chat statistics of tumbling windows ({@link ChatStats}), keyed by Twitch channel id. Written by the
     * chat analytics stream processor only.
     */
    public static final Topic<String, ChatStats> CHAT_STATS =
            new Topic<>("stagehand.chat.stats", String.class, ChatStats.class, 12);

    /** Chat spikes ({@link ChatSpike}), keyed by Twitch channel id. Written by the spike detector only. */
    public static final Topic<String, ChatSpike> CHAT_SPIKES =
            new Topic<>("stagehand.highlights.spikes", String.class, ChatSpike.class, 12);

    /**
     * When each channel's spike detector began watching afresh and will be warm ({@link DetectorWarmUp}), keyed by
     * Twitch channel id; only the latest of a channel matters. Written by the spike detector only.
     */
    public static final Topic<String, DetectorWarmUp> SPIKE_WARM_UPS =
            new Topic<>("stagehand.highlights.warm-ups", String.class, DetectorWarmUp.class, 12);

    /**
     * Records of {@link #CHAT_MESSAGES} that are not chat records Stagehand can keep, as they were, with headers saying
     * where they came from and why they were set aside ({@code stagehand.dead-letter.*}). Written by the chat history
     * writer only; kept for an operator to inspect.
     */
    public static final Topic<String, String> CHAT_DEAD_LETTERS =
            new Topic<>("stagehand.chat.dead-letters", String.class, String.class, 1);

    /** Messages registered users sent to chat rooms, keyed by room slug. Written by the gateway nodes only. */
    public static final Topic<String, SubmittedRoomMessage> ROOM_SUBMITTED =
            new Topic<>("stagehand.rooms.submitted", String.class, SubmittedRoomMessage.class, 12);

    /** Room messages once styled, keyed by room slug. Written by the skibidifier only. */
    public static final Topic<String, PublishedRoomMessage> ROOM_PUBLISHED =
            new Topic<>("stagehand.rooms.published", String.class, PublishedRoomMessage.class, 12);

    /** Moderations of room messages for every node to apply, keyed by room slug. Written by the moderation relay. */
    public static final Topic<String, RoomModeration> ROOM_MODERATION =
            new Topic<>("stagehand.rooms.moderation", String.class, RoomModeration.class, 3);

    public static final List<Topic<?, ?>> ALL = List.of(CHAT_MESSAGES, CHAT_STATS, CHAT_SPIKES, SPIKE_WARM_UPS,
            CHAT_DEAD_LETTERS,
            ROOM_SUBMITTED, ROOM_PUBLISHED, ROOM_MODERATION);

    private Topics() {
    }
}
