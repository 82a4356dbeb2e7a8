package dev.stagehand.gateway.benchmark;

import dev.stagehand.gateway.WebUser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The clients of a rooms benchmark ({@link RoomLoadClients}) in a JVM of their own, started against the benchmark's
 * application: its readers connect at once, its senders once {@link #logInSenders} has logged them in.
 */
final class RoomClientsProcess {

    private final Process process;
    private final BufferedReader output;
    private final String http;

    private RoomClientsProcess(Process process, String http) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.http = http;
    }

    /**
     * Starts the clients of the node at {@code http}; {@code rate} is each sender's messages a second, {@code ids}
     * where accepted ids go.
     */
    static RoomClientsProcess start(String http, int readers, double rate, int seconds, int warmUp, Path ids)
            throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RoomLoadClients.class.getName(),
                http.replace("http://", "ws://"), Integer.toString(readers), Double.toString(rate),
                Integer.toString(seconds), Integer.toString(warmUp), ids.toString()).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "room-load-clients-end"));
        return new RoomClientsProcess(process, http);
    }

    long pid() {
        return process.pid();
    }

    /**
     * Logs in {@code perRoom} senders for each room, sixteen at a time, and hands the clients their cookies. They log
     * in with the simulator's Discord (naming each sender with its {@code login_hint}): a Twitch login also opens an
     * EventSub socket for the streamer, which a thousand senders need not.
     */
    void logInSenders(int perRoom) throws Exception {
        ExecutorService logins = Executors.newFixedThreadPool(16);
        List<Future<String>> lines = new ArrayList<>();
        for (String room : RoomLoadClients.ROOMS) {
            for (int s = 0; s < perRoom; s++) {
                String name = "bench_" + room.replace("-", "_") + "_" + s;
                lines.add(logins.submit(() -> {
                    WebUser user = new WebUser(http);
                    user.logInAs("discord", name);
                    return room + " STAGEHAND_SESSION=" + user.cookie("STAGEHAND_SESSION").orElseThrow() + "\n";
                }));
            }
        }
        try (Writer cookies = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            for (Future<String> line : lines) {
                cookies.write(line.get());
            }
            cookies.write("\n");
        } finally {
            logins.shutdown();
        }
    }

    /** Reads the clients' output up to their latency histogram, and answers it (count per millisecond). */
    long[] histogram() throws IOException {
        long[] counts = new long[RoomLoadClients.HISTOGRAM_MILLIS];
        String line = awaitLine(RoomLoadClients.HISTOGRAM).substring(RoomLoadClients.HISTOGRAM.length()).strip();
        for (String bucket : line.isEmpty() ? new String[0] : line.split(" ")) {
            String[] parts = bucket.split(":");
            counts[Integer.parseInt(parts[0])] += Long.parseLong(parts[1]);
        }
        return counts;
    }

    /**
     * Reads the clients' output, echoing it, up to the line that starts with {@code wanted} (or, when null, up to their
     * figures), and answers that line.
     */
    String awaitLine(String wanted) throws IOException {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (wanted == null ? line.matches("[0-9. -]+") : line.startsWith(wanted)) {
                return line;
            }
            System.out.println("clients: " + line);
        }
        throw new IllegalStateException("The room load clients ended early");
    }
}
