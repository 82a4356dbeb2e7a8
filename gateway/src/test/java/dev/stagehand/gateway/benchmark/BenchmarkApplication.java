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

    /** The application's own address. */
    static String url(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    static void run(Benchmark benchmark, String... arguments) throws Exception {
        String[] all = new String[arguments.length + 3];
        all[0] = "--server.port=0";
        all[1] = "--stagehand.embedded.data-dir=" + Files.createTempDirectory("stagehand-benchmark");
        all[2] = "--logging.level.root=warn";
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        int exit = 0;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StagehandApplication.class).run(all)) {
            benchmark.run(app);
        } catch (Exception | Error failed) {
            failed.printStackTrace();
            exit = 1;
        } finally {
            // The application's non-daemon threads would keep the JVM running.
            System.exit(exit);
        }
    }
}
