package dev.stagehand.platform.axon;

import java.util.List;

/**
 * What an event processor is doing, and whether it can be rebuilt beside its tables (projections that keep their own
 * tables can; sagas and other processors that act on the outside world cannot). Positions are global event indexes;
 * {@code lag} is how many events it is behind the head of the event store ({@code null} while unknown). Segments
 * claimed by another node show their owner but no position.
 */
public record ProcessorStatus(String name, boolean running, boolean rebuildable, boolean replaying, boolean error,
                              Long position, long headPosition, Long lag, long deadLetters, List<SegmentStatus> segments) {

    public record SegmentStatus(int segment, String owner, boolean claimedHere, Long position, Long lag,
                                boolean caughtUp, boolean replaying, String error) {
    }
}
