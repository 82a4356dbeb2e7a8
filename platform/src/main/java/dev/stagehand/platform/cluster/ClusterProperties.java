package dev.stagehand.platform.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param nodeName   how this node is called in token claims, logs and the Admin page (by default its process name,
 *                   host and process id, plus a few random letters so that two nodes in one process differ too)
 * @param checkEvery how often the node checks that its PostgreSQL session, and with it its claims, is still alive
 */
@ConfigurationProperties("stagehand.cluster")
public record ClusterProperties(String nodeName, @DefaultValue("1s") Duration checkEvery) {
}
