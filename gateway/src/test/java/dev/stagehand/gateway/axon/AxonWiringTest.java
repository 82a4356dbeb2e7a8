package dev.stagehand.gateway.axon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagehand.gateway.IntegrationTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Without AXON_SERVER_ADDRESS every Axon store is in PostgreSQL, inside Spring's transactions, serialized with
 * Jackson, and deadlines are persistent. Guards the auto-configuration ordering that Spring Boot 4 broke.
 */
class AxonWiringTest extends IntegrationTest {

    @Autowired
    private EventStorageEngine eventStorageEngine;
    @Autowired
    private TokenStore tokenStore;
    @Autowired
    private SagaStore<?> sagaStore;
    @Autowired
    private TransactionManager transactionManager;
    @Autowired
    private DeadlineManager deadlineManager;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;
    @Autowired
    @Qualifier("messageSerializer")
    private Serializer messageSerializer;
    @Autowired
    private Serializer serializer;

    @Test
    void everyStoreIsInPostgresqlInsideSpringTransactions() {
        assertThat(eventStorageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(sagaStore).isInstanceOf(JdbcSagaStore.class);
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void deadlinesArePersistent() {
        assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
    }

    @Test
    void everythingIsSerializedWithJackson() {
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
        assertThat(messageSerializer).isInstanceOf(JacksonSerializer.class);
        assertThat(serializer).isInstanceOf(JacksonSerializer.class);
    }
}
