package dev.stagehand.query.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * A projection's rebuild as the Admin page shows it.
 *
 * @param state            BUILDING (reading the event store), READY (caught up, diff computed, following the head
 *                         until an operator confirms or discards), CONFIRMED (the swap is under way), SWITCHED,
 *                         DISCARDED or FAILED
 * @param position         the last event the rebuilt tables hold (global index)
 * @param head             the event store's head when last looked at
 * @param progress         position over head, 0 to 1
 * @param etaSeconds       how long until the rebuilt tables catch up, at the current speed (null when unknown)
 * @param stalled          true when the node doing it has not reported for 30 s (it stopped or died): discard it
 * @param diff             how the rebuilt tables differ from the live ones, once READY
 * @param skippedEvents    events the projection could not handle (the live one dead-lettered them), left out
 * @param skipped          the first of them, with why
 */
public record RebuildStatus(String processor, String node, String state, long position, long head, double progress,
                            long events, double eventsPerSecond, Long etaSeconds, boolean stalled,
                            List<TableDiff> diff, long skippedEvents,
                            List<SkippedEvent> skipped, String error, Instant startedAt, Instant updatedAt,
                            Instant finishedAt) {
}
