package dev.stagehand.platform.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where this node keeps its data, and the ports of the embedded servers (0 picks a free port).
 *
 * @param dataDir        the data directory, locked for the node's lifetime
 * @param postgresPort   port of the embedded PostgreSQL, used only when no external database is configured
 * @param kafkaPort      port of the embedded Kafka broker, used only when no external cluster is configured
 */
@ConfigurationProperties("stagehand.embedded")
public record EmbeddedProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("0") int postgresPort,
                                 @DefaultValue("0") int kafkaPort) {
}
