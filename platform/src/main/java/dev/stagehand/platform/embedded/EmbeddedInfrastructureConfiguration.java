package dev.stagehand.platform.embedded;

import dev.stagehand.platform.ConditionalOnBlankProperty;
import java.util.List;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: with no {@code DATABASE_URL} a real PostgreSQL, with no {@code KAFKA_BOOTSTRAP_SERVERS} a
 * real Kafka broker, both started by Stagehand under its data directory ({@link EmbeddedStarts}, which also stops
 * them). They reach the rest of the application as Spring Boot connection details, so everything downstream is
 * configured exactly as for external servers.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedInfrastructureConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBlankProperty("spring.datasource.url")
    static class Postgres {

        @Bean(destroyMethod = "")
        EmbeddedPostgres embeddedPostgres(EmbeddedStarts starts) throws Exception {
            return starts.postgres();
        }

        @Bean
        JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
            return new JdbcConnectionDetails() {
                @Override
                public String getUsername() {
                    return EmbeddedPostgres.USER;
                }

                @Override
                public String getPassword() {
                    return "";
                }

                @Override
                public String getJdbcUrl() {
                    return postgres.jdbcUrl();
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBlankProperty("spring.kafka.bootstrap-servers")
    static class Kafka {

        @Bean(destroyMethod = "")
        EmbeddedKafka embeddedKafka(EmbeddedStarts starts) throws Exception {
            return starts.kafka();
        }

        @Bean
        KafkaConnectionDetails embeddedKafkaConnectionDetails(EmbeddedKafka kafka) {
            return () -> List.of(kafka.bootstrapServers());
        }
    }
}
