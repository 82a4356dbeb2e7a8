package dev.stagehand.api.kafka;

import dev.stagehand.api.chat.ChatRecord;
import java.util.List;

/** Every Kafka topic Stagehand uses, with its key and value types. Names are {@code stagehand.<feature>.<what>}. */
public final class Topics {

    /**
     * Chat and chat events of the Twitch channels Stagehand follows, keyed by Twitch channel id (so one channel's
     * records stay in order on one partition). Written by the chat ingester only.
     */
    public static final Topic<String, ChatRecord> CHAT_MESSAGES =
            new Topic<>("stagehand.chat.messages", String.class, ChatRecord.class, 12);

    public static final List<Topic<?, ?>> ALL = List.of(CHAT_MESSAGES);

    private Topics() {
    }
}
