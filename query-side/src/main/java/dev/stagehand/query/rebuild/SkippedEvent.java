package dev.stagehand.query.rebuild;

/** An event a rebuilt projection could not handle (the live one dead-lettered it), and why. */
public record SkippedEvent(String eventId, String eventType, String reason) {
}
