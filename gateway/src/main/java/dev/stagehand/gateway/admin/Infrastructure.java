package dev.stagehand.gateway.admin;

import dev.stagehand.platform.embedded.EmbeddedKafka;
import dev.stagehand.platform.embedded.EmbeddedPostgres;
import dev.stagehand.sagas.twitch.TwitchEndpoints;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Whether each part Stagehand runs on is embedded (started by this node) or external, and where. */
@Component
class Infrastructure {

    /** One part: what it is, embedded or external, and where it is reached. */
    record Part(String name, boolean embedded, String where) {
    }

    private final Environment environment;
    private final TwitchEndpoints twitch;
    private final EmbeddedPostgres embeddedPostgres;
    private final EmbeddedKafka embeddedKafka;

    Infrastructure(Environment environment, TwitchEndpoints twitch, ObjectProvider<EmbeddedPostgres> postgres,
                   ObjectProvider<EmbeddedKafka> kafka) {
        this.environment = environment;
        this.twitch = twitch;
        this.embeddedPostgres = postgres.getIfAvailable();
        this.embeddedKafka = kafka.getIfAvailable();
    }

    List<Part> parts() {
        String database = embeddedPostgres != null ? embeddedPostgres.jdbcUrl()
                : environment.getProperty("spring.datasource.url", "");
        String kafka = embeddedKafka != null ? embeddedKafka.bootstrapServers()
                : environment.getProperty("spring.kafka.bootstrap-servers", "");
        boolean axonServer = environment.getProperty("axon.axonserver.enabled", Boolean.class, false);
        return List.of(
                new Part("PostgreSQL", embeddedPostgres != null, withoutCredentials(database)),
                new Part("Kafka", embeddedKafka != null, kafka),
                new Part("Event store", !axonServer, axonServer
                        ? "Axon Server at " + environment.getProperty("axon.axonserver.servers")
                        : "PostgreSQL (domain_event_entry)"),
                new Part("Twitch", twitch.simulated(), twitch.simulated()
                        ? "the bundled simulator, " + twitch.helixUrl() : "api.twitch.tv"));
    }

    private static String withoutCredentials(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
