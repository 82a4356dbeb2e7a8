package dev.stagehand.twitchsim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A bare WebSocket client for protocol-level tests: sends raw lines, collects every line received. */
final class RawIrcClient implements AutoCloseable {

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private volatile boolean closedByServer;

    RawIrcClient(String url) throws Exception {
        StringBuilder partial = new StringBuilder();
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            for (String line : partial.toString().split("\r\n")) {
                                if (!line.isEmpty()) {
                                    lines.add(line);
                                }
                            }
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closedByServer = true;
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closedByServer = true;
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    RawIrcClient send(String... rawLines) {
        socket.sendText(String.join("\r\n", rawLines) + "\r\n", true).join();
        return this;
    }

    /** The first line received that matches, waiting up to five seconds. */
    String await(Predicate<String> matching) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && matching.test(line)) {
                return line;
            }
        }
        throw new AssertionError("no matching line arrived");
    }

    /** Every line received within {@code quiet}. */
    List<String> drain(Duration quiet) throws InterruptedException {
        List<String> received = new ArrayList<>();
        String line;
        while ((line = lines.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            received.add(line);
        }
        return received;
    }

    /** Every line received during the next {@code window}, however busy the connection. */
    List<String> collect(Duration window) throws InterruptedException {
        List<String> received = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            String line = lines.poll(left, TimeUnit.NANOSECONDS);
            if (line != null) {
                received.add(line);
            }
        }
        return received;
    }

    boolean closedByServer() {
        return closedByServer;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
