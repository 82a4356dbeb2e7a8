package dev.stagehand.platform.axon;

import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;

/**
 * Orders Axon's JDBC and transaction auto-configuration after Spring Boot 4's DataSource and transaction manager.
 * Axon 4.13 names Boot 3's packages in its ordering hints; without this bridge it sees no DataSource (no JDBC event
 * store) and falls back to a no-op transaction manager, so projections and their tokens would not commit together.
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        before = {JdbcAutoConfiguration.class, TransactionAutoConfiguration.class,
                NoOpTransactionAutoConfiguration.class})
public class AxonAfterBootJdbc {
}
