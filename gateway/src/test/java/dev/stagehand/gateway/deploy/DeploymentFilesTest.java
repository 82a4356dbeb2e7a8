package dev.stagehand.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, the Kubernetes manifests and the GitHub workflow stay consistent with the application: every
 * variable the nodes get is one Stagehand reads (secrets from a Secret), every part has a health check or probes on
 * health groups the application declares, the load balancer and Prometheus know every node, the workflow runs the
 * README's test command. (No Docker engine or cluster runs here; {@code docker-compose config} also accepts the
 * compose file, see README.)
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..");
    /**
     * Variables Spring binds to settings by their names (stagehand.rooms.llm.url and .model, for example), and
     * OpenTelemetry's own, which Spring Boot maps to its tracing settings.
     */
    private static final Set<String> READ_BY_NAME = Set.of("SERVER_FORWARD_HEADERS_STRATEGY",
            "LOGGING_STRUCTURED_FORMAT_CONSOLE", "AXON_SERVER_ADDRESS", "STAGEHAND_ROOMS_LLM_URL",
            "STAGEHAND_ROOMS_LLM_MODEL", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_TRACES_SAMPLER_ARG");

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

    private static String configuration() throws IOException {
        return Files.readString(ROOT.resolve("gateway/src/main/resources/application.yml"));
    }

    private static boolean readByStagehand(String configuration, String variable) {
        return READ_BY_NAME.contains(variable) || configuration.contains("${" + variable + ":");
    }

    @Test
    void twoStagehandNodesGetOnlyVariablesStagehandReads() throws IOException {
        String configuration = configuration();
        assertThat(nodes()).containsExactly("stagehand-1", "stagehand-2");
        for (String node : nodes()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) services().get(node).get("environment");
            assertThat(environment).containsKeys("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "STAGEHAND_MASTER_KEY",
                    "STAGEHAND_NODE_NAME", "STAGEHAND_METRICS_TOKEN");
            assertThat(environment.get("STAGEHAND_NODE_NAME")).isEqualTo(node);
            environment.keySet().forEach(variable -> assertThat(readByStagehand(configuration, variable))
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
    void theObservabilityProfilesJaegerReceivesWhatTheNodesExportWhenAskedTo() throws IOException {
        Map<String, Object> jaeger = services().get("jaeger");
        assertThat(jaeger.get("profiles")).asList().containsExactly("observability");
        assertThat(jaeger.get("ports")).asList().contains("16686:16686");
        for (String node : nodes()) {
            // Empty unless set: Spring Boot then configures no exporter at all.
            assertThat(((Map<?, ?>) services().get(node).get("environment")).get("OTEL_EXPORTER_OTLP_ENDPOINT"))
                    .isEqualTo("${OTEL_EXPORTER_OTLP_ENDPOINT:-}");
        }
        assertThat(Files.readString(ROOT.resolve("docker-compose.yml")))
                .contains("OTEL_EXPORTER_OTLP_ENDPOINT=http://jaeger:4318")
                .contains("--profile observability");
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

    @Test
    @SuppressWarnings("unchecked")
    void prometheusLoadsTheAlertRulesAndEachSaysWhatIsWrong() throws IOException {
        assertThat(Files.readString(ROOT.resolve("docker-compose.yml")))
                .contains("./deploy/prometheus-alerts.yml:/etc/prometheus/alerts.yml:ro");
        Map<String, Object> prometheus = (Map<String, Object>) new Yaml().load(Files.readString(
                ROOT.resolve("deploy/prometheus.yml")));
        assertThat((List<String>) prometheus.get("rule_files")).containsExactly("/etc/prometheus/alerts.yml");
        Map<String, Object> alerts = (Map<String, Object>) new Yaml().load(Files.readString(
                ROOT.resolve("deploy/prometheus-alerts.yml")));
        List<Map<String, Object>> rules = at(alerts, "groups", "0", "rules");
        assertThat(rules).extracting(rule -> rule.get("alert")).contains("TwitchChatConnectionDown",
                "EventProcessorLagGrowing", "DeliveriesAbandoned", "HelixPointsNearlySpent");
        assertThat(rules).allSatisfy(rule -> {
            assertThat((String) rule.get("expr")).contains("stagehand_");
            assertThat((String) at(rule, "annotations", "summary")).isNotBlank();
        });
    }

    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> manifest(String file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(KUBERNETES.resolve(file)));
    }

    /** The variables of a kustomize env file: NAME=value lines. */
    private static Set<String> variables(String file) throws IOException {
        return Files.readAllLines(KUBERNETES.resolve(file)).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf('='))).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object here = node;
        for (String step : path) {
            here = here instanceof List<?> list ? list.get(Integer.parseInt(step)) : ((Map<String, Object>) here)
                    .get(step);
        }
        return (T) here;
    }

    @Test
    void kubernetesNodesGetOnlyVariablesStagehandReadsAndTheirSecretsFromASecret() throws IOException {
        Map<String, Object> kustomization = manifest("kustomization.yaml");
        List<String> resources = at(kustomization, "resources");
        resources.forEach(resource -> assertThat(KUBERNETES.resolve(resource)).exists());
        assertThat(at(kustomization, "configMapGenerator", "0", "envs", "0").toString()).isEqualTo("stagehand.env");
        assertThat(at(kustomization, "secretGenerator", "0", "envs", "0").toString()).isEqualTo("secrets.env");

        String configuration = configuration();
        Set<String> plain = variables("stagehand.env");
        Set<String> secret = variables("secrets.env");
        Map<String, Object> container = at(manifest("deployment.yaml"), "spec", "template", "spec", "containers", "0");
        List<Map<String, Object>> env = at(container, "env");
        Set<String> all = new TreeSet<>(plain);
        all.addAll(secret);
        env.forEach(variable -> all.add(variable.get("name").toString()));
        all.forEach(variable -> assertThat(readByStagehand(configuration, variable))
                .as("%s is read by Stagehand", variable).isTrue());
        assertThat(all).contains("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "STAGEHAND_MASTER_KEY",
                "STAGEHAND_NODE_NAME", "TWITCH_CLIENT_ID", "TWITCH_CLIENT_SECRET");
        assertThat(secret).contains("STAGEHAND_MASTER_KEY", "TWITCH_CLIENT_SECRET", "DATABASE_PASSWORD",
                "DISCORD_CLIENT_SECRET", "STAGEHAND_METRICS_TOKEN");
        assertThat(plain).doesNotContainAnyElementsOf(secret);
        assertThat(at(container, "envFrom", "1", "secretRef", "name").toString()).isEqualTo("stagehand");
        assertThat(container.get("resources")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsKeys("requests", "limits");
    }

    @Test
    void kubernetesProbesUseTheHealthGroupsAndThePortTheApplicationServes() throws IOException {
        String configuration = configuration();
        Map<String, Object> deployment = manifest("deployment.yaml");
        Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", "0");
        assertThat(at(container, "livenessProbe", "httpGet", "path").toString())
                .isEqualTo("/actuator/health/liveness");
        assertThat(at(container, "startupProbe", "httpGet", "path").toString())
                .isEqualTo("/actuator/health/liveness");
        assertThat(at(container, "readinessProbe", "httpGet", "path").toString())
                .isEqualTo("/actuator/health/readiness");
        assertThat(configuration).contains("probes:\n        enabled: true")
                .contains("liveness:\n          include: livenessState")
                .contains("readiness:\n          include: readinessState,db,kafka");
        assertThat(configuration).contains("port: ${PORT:8080}");
        assertThat(at(container, "ports", "0", "containerPort").toString()).isEqualTo("8080");

        Map<String, Object> labels = at(deployment, "spec", "template", "metadata", "labels");
        assertThat(labels).containsAllEntriesOf(at(deployment, "spec", "selector", "matchLabels"));
        assertThat(labels).containsAllEntriesOf(at(manifest("service.yaml"), "spec", "selector"));
        Map<String, Object> budget = manifest("pod-disruption-budget.yaml");
        assertThat(labels).containsAllEntriesOf(at(budget, "spec", "selector", "matchLabels"));
        assertThat((Integer) at(budget, "spec", "minAvailable")).isLessThan(at(deployment, "spec", "replicas"));
    }

    @Test
    void theGitHubWorkflowRunsTheReadmesTestCommandAndBuildsTheImage() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains("./stagehand test");
        Object workflow = new Yaml().load(Files.readString(ROOT.resolve(".github/workflows/ci.yml")));
        List<Map<String, Object>> tests = at(workflow, "jobs", "test", "steps");
        assertThat(tests).anySatisfy(step -> assertThat(step.get("run")).isEqualTo("./stagehand test"));
        List<Map<String, Object>> image = at(workflow, "jobs", "image", "steps");
        assertThat(image).anySatisfy(step -> assertThat(String.valueOf(step.get("run"))).startsWith("docker build"));
    }
}
