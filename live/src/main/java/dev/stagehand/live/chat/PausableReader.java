package dev.stagehand.live.chat;

/**
 * A reader of the chat that can wait: paused, it keeps its place in Kafka and reads on from there when resumed.
 *
 * @param name what it makes of the chat, for logs
 */
record PausableReader(String name, Runnable pause, Runnable resume) {
}
