package dev.stagehand.platform.axon;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each event handler of a processing group runs under a savepoint of the batch's transaction. A handler whose SQL
 * fails (a constraint, a bad row) would otherwise leave PostgreSQL's transaction aborted, so that the dead-letter
 * queue could not record the failed event in it either: the batch would roll back and be retried forever, stopping
 * the projection. Rolled back to its savepoint, only the handler's own work is undone and the event is dead-lettered.
 */
@Component
class HandlerSavepoints implements HandlerEnhancerDefinition {

    private final TransactionTemplate savepoint;

    HandlerSavepoints(PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (original.annotationAttributes(EventHandler.class).isEmpty()
                || original.declaringClass().getAnnotation(ProcessingGroup.class) == null) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                try {
                    return savepoint.execute(status -> {
                        try {
                            return super.handle(message, target);
                        } catch (Exception failed) {
                            throw new HandlerFailed(failed);
                        }
                    });
                } catch (HandlerFailed failed) {
                    throw failed.cause;
                }
            }
        };
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
