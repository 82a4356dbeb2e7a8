package dev.stagehand.api.stream;

/** Which of Stagehand's watchers saw a stream change. */
public enum StreamSource { EVENTSUB_WEBSOCKET, EVENTSUB_WEBHOOK, POLLING }
