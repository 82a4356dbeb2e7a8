package dev.stagehand.api.chat;

/** Tells how chat reading is spread over connections. */
public interface ChatLoads {

    ChatLoad load();
}
