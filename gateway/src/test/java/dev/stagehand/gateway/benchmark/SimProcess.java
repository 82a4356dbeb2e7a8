package dev.stagehand.gateway.benchmark;

import dev.stagehand.twitchsim.TwitchSimMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Twitch simulator in a JVM of its own, driven through its control API ({@code /sim}), so that the chat it writes
 * is not measured as Stagehand's CPU and garbage. Stagehand reaches it by {@link #argument()}; it ends with this JVM.
 */
final class SimProcess {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    private SimProcess(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    static SimProcess start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TwitchSimMain.class.getName()).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "twitch-sim-end"));
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.startsWith(TwitchSimMain.READY)) {
            System.out.println("twitch-sim: " + line);
        }
        if (line == null) {
            throw new IllegalStateException("The simulator ended before serving: exit " + process.exitValue());
        }
        SimProcess sim = new SimProcess(process, line.substring(TwitchSimMain.READY.length()).trim());
        Thread drain = new Thread(() -> output.lines().forEach(rest -> System.out.println("twitch-sim: " + rest)),
                "twitch-sim-output");
        drain.setDaemon(true);
        drain.start();
        return sim;
    }

    /** The application argument that points Stagehand at this simulator. */
    String argument() {
        return "--stagehand.demo.twitch-sim-url=" + base;
    }

    long pid() {
        return process.pid();
    }

    /** The next OAuth approval logs in as {@code login}. */
    void approveAs(String login) {
        post("/sim/oauth/approve?login=" + encode(login));
    }

    /** {@code login}'s channel: its Twitch id and how many chat clients are in it. */
    JsonNode channel(String login) {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/sim/channels/" + encode(login))).GET()));
    }

    /** {@code audience} chatters say {@code messagesPerSecond} lines a second in {@code login}'s chat (0 stops). */
    void chat(String login, int audience, double messagesPerSecond) {
        post("/sim/channels/" + encode(login) + "/chat?audience=" + audience + "&rate=" + messagesPerSecond);
    }

    private void post(String path) {
        send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The simulator answered " + response.statusCode() + ": "
                                                + response.body());
            }
            return response.body();
        } catch (IOException failed) {
            throw new IllegalStateException("The simulator cannot be reached", failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
