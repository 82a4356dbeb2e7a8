package dev.stagehand.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and the files beside it stay consistent with the application: every variable the nodes get is
 * one Stagehand reads, every part has a health check, the load balancer and Prometheus know every node. (No Docker
 * engine runs here; {@code docker-compose config} also accepts the file, see README.)
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..");
    /** Spring Boot's own settings, bound from the environment by name, and the Axon Server switch. */
    /** Variables Spring binds to settings by their names (stagehand.rooms.llm.url and .model, for example). */
    private static final Set<String> READ_BY_NAME = Set.of("SERVER_FORWARD_HEADERS_STRATEGY",
            "LOGGING_STRUCTURED_FORMAT_CONSOLE", "AXON_SERVER_ADDRESS", "STAGEHAND_ROOMS_LLM_URL",
            "STAGEHAND_ROOMS_LLM_MODEL");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        return (Map<String, Map<String, Object>>) compose().get("services");
    }

    private static List<String> nodes() throws IOException {
        return services().entrySet().stream()
                .filter(service -> "stagehand:latest".equals(service.getValue().get("image")))
                .map(Map.Entry::getKey).sorted().toList();
    }

    @Test
    void twoStagehandNodesGetOnlyVariablesStagehandReads() throws IOException {
        String configuration = Files.readString(ROOT.resolve("gateway/src/main/resources/application.yml"));
        assertThat(nodes()).containsExactly("stagehand-1", "stagehand-2");
        for (String node : nodes()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) services().get(node).get("environment");
            assertThat(environment).containsKeys("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "STAGEHAND_MASTER_KEY",
                    "STAGEHAND_NODE_NAME", "STAGEHAND_METRICS_TOKEN");
            assertThat(environment.get("STAGEHAND_NODE_NAME")).isEqualTo(node);
            environment.keySet().forEach(variable -> assertThat(
                    READ_BY_NAME.contains(variable) || configuration.contains("${" + variable + ":"))
                    .as("%s of %s is read by Stagehand", variable, node).isTrue());
            assertThat(services().get(node).get("volumes")).asList().anyMatch(volume -> volume.toString()
                    .endsWith(":/data"));
        }
    }

    @Test
    void everyPartHasAHealthCheckAndItsVolumesAreDeclared() throws IOException {
        Set<String> declared = ((Map<?, ?>) compose().get("volumes")).keySet().stream().map(Object::toString)
                .collect(Collectors.toSet());
        services().forEach((name, service) -> {
            assertThat(service).as(name).containsKey("healthcheck");
            Object volumes = service.get("volumes");
            if (volumes != null) {
                ((List<?>) volumes).stream().map(Object::toString).map(volume -> volume.split(":")[0])
                        .filter(source -> !source.startsWith("."))
                        .forEach(source -> assertThat(declared).as(name).contains(source));
            }
        });
    }

    @Test
    void theLoadBalancerAndPrometheusKnowEveryNode() throws IOException {
        String nginx = Files.readString(ROOT.resolve("deploy/nginx.conf"));
        String prometheus = Files.readString(ROOT.resolve("deploy/prometheus.yml"));
        for (String node : nodes()) {
            assertThat(nginx).contains("server " + node + ":8080");
            assertThat(prometheus).contains("\"" + node + ":8080\"");
        }
        assertThat(nginx).contains("proxy_set_header Upgrade $http_upgrade;");
        assertThat(prometheus).contains("metrics_path: /actuator/prometheus");
    }
}
