package dev.stagehand.platform.axon;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How the event handlers of a processing group write within their processor's transaction, a batch of events.
 *
 * <p>A {@link ReadModel}'s handlers keep their statements ({@link ReadModelWrites}) until the transaction is about to
 * commit, then send them as JDBC batches: a few round trips for hundreds of events instead of one per statement.
 *
 * <p>Every other handler runs under a savepoint: one whose SQL fails (a constraint, a bad row) would otherwise leave
 * PostgreSQL's transaction aborted, so that the dead-letter queue could not record the failed event in it either: the
 * batch would roll back and be retried forever, stopping the processor. Rolled back to its savepoint, only the
 * handler's own work is undone and the event is dead-lettered. A read model's handlers run so too once a batch of
 * their segment failed at its end, where nothing tells which event's statement failed: the processor rolls the batch
 * back and handles its events again (after its back-off), each under a savepoint, which finds the failing event and
 * dead-letters it alone; the segment batches again once a batch so handled passed the failed one's last event. So do
 * events retried from the dead-letter queue, one at a time.
 */
@Component
class EventHandlerWrites implements HandlerEnhancerDefinition {

    private static final Logger log = LoggerFactory.getLogger(EventHandlerWrites.class);
    private static final String BATCH = EventHandlerWrites.class.getName() + ".batch";
    private static final String CAREFUL = EventHandlerWrites.class.getName() + ".careful";

    private final ReadModelWrites writes;
    private final TransactionTemplate savepoint;
    /**
     * Segments ({@code processor/segment}) whose events run under savepoints, after a batch failed at its end: until a
     * batch so handled reached the token the failed one had reached.
     */
    private final ConcurrentMap<String, TrackingToken> careful = new ConcurrentHashMap<>();

    EventHandlerWrites(ReadModelWrites writes, PlatformTransactionManager transactions) {
        this.writes = writes;
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (original.annotationAttributes(EventHandler.class).isEmpty() || group == null) {
            return original;
        }
        boolean readModel = original.declaringClass().isAnnotationPresent(ReadModel.class);
        // Where Axon's pooled and tracking processors keep a batch's segment and token among its unit of work's
        // resources; a processing group is its own processor here. Without them (a dead letter retried), no batching.
        String segmentKey = "Processor[" + group.value() + "]/SegmentId";
        String tokenKey = "Processor[" + group.value() + "]/Token";
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                UnitOfWork<?> batch = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root() : null;
                Object segmentId = batch == null ? null : batch.getResource(segmentKey);
                TrackingToken reached = batch == null ? null : batch.getResource(tokenKey);
                if (!readModel || segmentId == null || reached == null) {
                    return inSavepoint(() -> super.handle(message, target));
                }
                String segment = group.value() + "/" + segmentId;
                if (!careful.containsKey(segment)) {
                    return batched(batch, segment, reached, () -> super.handle(message, target));
                }
                batch.getOrComputeResource(CAREFUL, key -> {
                    batch.afterCommit(committed -> careful.computeIfPresent(segment,
                            (same, failed) -> reached.covers(failed) ? null : failed));
                    return segment;
                });
                return inSavepoint(() -> super.handle(message, target));
            }
        };
    }

    private Object batched(UnitOfWork<?> unitOfWork, String segment, TrackingToken reached, Handling handling)
            throws Exception {
        ReadModelWrites.Batch batch = unitOfWork.getOrComputeResource(BATCH, key -> open(unitOfWork, segment, reached));
        int mark = batch.mark();
        try {
            return handling.handle();
        } catch (Exception | Error failed) {
            batch.discardFrom(mark);
            throw failed;
        }
    }

    private ReadModelWrites.Batch open(UnitOfWork<?> unitOfWork, String segment, TrackingToken reached) {
        ReadModelWrites.Batch batch = writes.open();
        unitOfWork.onPrepareCommit(committing -> {
            try {
                batch.flush();
            } catch (RuntimeException failed) {
                careful.put(segment, reached);
                log.warn("A batch of {} failed as it was written ({}): its events are handled again one by one",
                        segment, failed.getMessage());
                throw failed;
            }
        });
        unitOfWork.onCleanup(done -> batch.close());
        return batch;
    }

    private Object inSavepoint(Handling handling) throws Exception {
        try {
            return savepoint.execute(status -> {
                try {
                    return handling.handle();
                } catch (Exception failed) {
                    throw new HandlerFailed(failed);
                }
            });
        } catch (HandlerFailed failed) {
            throw failed.cause;
        }
    }

    private interface Handling {
        Object handle() throws Exception;
    }

    /** Carries a handler's checked exception out of the savepoint, which is rolled back on unchecked ones. */
    private static final class HandlerFailed extends RuntimeException {

        private final Exception cause;

        HandlerFailed(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
