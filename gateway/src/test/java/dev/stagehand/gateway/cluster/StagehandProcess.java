package dev.stagehand.gateway.cluster;

import static org.awaitility.Awaitility.await;

import dev.stagehand.gateway.StagehandApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A Stagehand node in a JVM of its own, started with the test's classpath, as an operator would run one. */
public final class StagehandProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private StagehandProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts a node called {@code name} with {@code arguments}; its output goes to {@code <directory>/<name>.log}. */
    public static StagehandProcess start(String name, Path directory, List<String> arguments) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-cp", System.getProperty("java.class.path"), StagehandApplication.class.getName(),
                "--server.port=" + port,
                "--stagehand.cluster.node-name=" + name,
                "--stagehand.embedded.data-dir=" + directory.resolve(name)));
        command.addAll(arguments);
        Path log = directory.resolve(name + ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new StagehandProcess(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Waits until the node answers that it is up (three minutes at most: two cores start two nodes slowly). */
    public StagehandProcess awaitUp() {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("Node " + name + " stopped; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                return health.statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        return this;
    }

    /** Kills the node as a crash would: no shutdown hook, no goodbye to PostgreSQL, Kafka or Twitch. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
