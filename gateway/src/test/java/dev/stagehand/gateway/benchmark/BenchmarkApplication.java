package dev.stagehand.gateway.benchmark;

import dev.stagehand.gateway.StagehandApplication;
import java.nio.file.Files;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs a benchmark against the whole application on a fresh data directory, then ends the JVM. */
final class BenchmarkApplication {

    interface Benchmark {
        void run(ConfigurableApplicationContext app) throws Exception;
    }

    private BenchmarkApplication() {
    }

    static void run(Benchmark benchmark, String... arguments) throws Exception {
        String[] all = new String[arguments.length + 3];
        all[0] = "--server.port=0";
        all[1] = "--stagehand.embedded.data-dir=" + Files.createTempDirectory("stagehand-benchmark");
        all[2] = "--logging.level.root=warn";
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StagehandApplication.class).run(all)) {
            benchmark.run(app);
        } finally {
            // The application's non-daemon threads would keep exec:java waiting.
            System.exit(0);
        }
    }
}
