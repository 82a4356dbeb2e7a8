package dev.stagehand.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Playwright scenario from frontend/e2e in Debian's Chromium against a running Stagehand. Screenshots land
 * in gateway/target/screenshots/.
 */
public final class BrowserScenario {

    private static final Path E2E = Path.of("..", "frontend", "e2e").toAbsolutePath().normalize();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

    private BrowserScenario() {
    }

    /** Runs the scenario with {@code node <scenario> <baseUrl> <screenshot dir> <more...>}. */
    public static void run(String scenario, String baseUrl, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", E2E.resolve(scenario).toString(), baseUrl,
                SCREENSHOTS.toString()));
        command.addAll(List.of(more));
        Process node = new ProcessBuilder(command)
                .directory(E2E.toFile())
                .redirectErrorStream(true)
                .start();
        boolean finished = node.waitFor(120, TimeUnit.SECONDS);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            node.destroyForcibly();
        }
        assertThat(finished).as("scenario %s finished in time; output:%n%s", scenario, output).isTrue();
        assertThat(node.exitValue()).as("scenario %s; output:%n%s", scenario, output).isZero();
    }
}
