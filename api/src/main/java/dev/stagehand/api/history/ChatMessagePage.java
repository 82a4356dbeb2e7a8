package dev.stagehand.api.history;

import dev.stagehand.api.chat.ChatRecord;
import java.util.List;

/** A page of chat history, newest first; {@code next} is null on the last page. */
public record ChatMessagePage(List<ChatRecord> messages, HistoryCursor next) {

    public ChatMessagePage {
        messages = List.copyOf(messages);
    }
}
