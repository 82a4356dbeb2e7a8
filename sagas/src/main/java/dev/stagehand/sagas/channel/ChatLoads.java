package dev.stagehand.sagas.channel;

/** Tells how chat reading is spread over connections. */
public interface ChatLoads {

    ChatLoad load();
}
