package dev.stagehand.platform.axon;

import dev.stagehand.api.common.Conflict;
import dev.stagehand.platform.problem.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/**
 * The events a processor could not handle, kept in its dead-letter queue (PostgreSQL, shared by every node) in
 * sequences: an event waits behind an earlier dead letter of its aggregate. Operators retry them (after a fix, or once
 * what was missing exists) or drop one that can never succeed.
 */
@Component
public class DeadLetters {

    /** One dead letter: the event, why it failed, when. */
    public record Letter(String eventId, String sequence, String eventType, String cause, Instant enqueuedAt,
                  Instant lastTried) {
    }

    /** How many dead letters there were before a retry, and are after it. */
    public record Retried(long before, long after) {
    }

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public List<Letter> of(String processor) {
        List<Letter> letters = new ArrayList<>();
        queue(processor).deadLetters().forEach(sequence -> sequence.forEach(letter -> letters.add(new Letter(
                letter.message().getIdentifier(), sequenceOf(sequence), letter.message().getPayloadType().getSimpleName(),
                letter.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null), letter.enqueuedAt(),
                letter.lastTouched()))));
        return letters;
    }

    /** Tries every sequence once, in order; a letter that fails again stays, with what went wrong this time. */
    public Retried retry(String processor) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        SequencedDeadLetterProcessor<EventMessage<?>> retrying = processing.sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> noQueue(processor));
        long before = queue.size();
        for (long sequence = queue.amountOfSequences(); sequence > 0; sequence--) {
            retrying.processAny();
        }
        return new Retried(before, queue.size());
    }

    /** Gives up on one event for good: the next one of its sequence, if any, is handled at the next retry. */
    public void drop(String processor, String eventId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        DeadLetter<? extends EventMessage<?>> letter = StreamSupport.stream(queue.deadLetters().spliterator(), false)
                .flatMap(sequence -> StreamSupport.stream(sequence.spliterator(), false))
                .filter(candidate -> candidate.message().getIdentifier().equals(eventId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No dead letter of " + processor + " holds the event "
                        + eventId + "."));
        queue.evict(letter);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        if (processing.eventProcessor(processor).isEmpty()) {
            throw new NotFoundException("No event processor is named " + processor + ".");
        }
        return processing.deadLetterQueue(processor).orElseThrow(() -> noQueue(processor));
    }

    private static Conflict noQueue(String processor) {
        return new Conflict(processor + " keeps no dead letters: an event it cannot handle stops it.");
    }

    private static String sequenceOf(Iterable<? extends DeadLetter<? extends EventMessage<?>>> sequence) {
        EventMessage<?> first = sequence.iterator().next().message();
        return first instanceof DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() : first.getIdentifier();
    }
}
