package dev.stagehand.gateway.benchmark;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * The load of {@link RoomLoadBenchmark}, in a JVM of its own so that the clients' end of every socket does not share
 * Stagehand's event loops, cores' share and file descriptors:
 * {@code RoomLoadClients WS_BASE READERS RATE SECONDS WARM_UP IDS_FILE} (RATE: messages/s of each sender), then one
 * session cookie per sender and room ({@code room cookie}) on standard input, ended by an empty line. Prints
 * {@value #CONNECTED} once its readers are in, {@value #MEASURING} when the measured seconds start and
 * {@value #MEASURED} when they end. Then the senders stop, their last answers are awaited, and it writes the id of
 * every message Stagehand accepted to IDS_FILE (one a line), then prints {@code answers: accepted A refused R
 * unanswered U}, where the time went (the p50 and p99 of each stage: sent to submitted, submitted to published,
 * published to received, from the wall-clock send time a message carries and the times Stagehand stamped on it,
 * sampled from the first benchmark message of each frame), the latency histogram of every delivery
 * ({@code histogram ms:count …}, so that several clients' may be merged), and last {@code sent delivered p50 p99} of
 * the measured seconds (messages/s and milliseconds).
 */
public final class RoomLoadClients {

    static final String[] ROOMS = {"skibidi-lounge", "pirate-cove", "the-globe"};
    static final String CONNECTED = "connected";
    static final String MEASURING = "measuring";
    static final String MEASURED = "measured";
    static final String ANSWERS = "answers: ";
    static final String HISTOGRAM = "histogram ";
    private static final String MARK = "\"original\":\"bench ";
    private static final String ACCEPTED = "{\"type\":\"accepted\"";
    private static final String MESSAGE_ID = "\"messageId\":\"";

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unconnected = new AtomicLong();
    private final Queue<String> accepted = new ConcurrentLinkedQueue<>();
    private volatile boolean sending = true;
    static final int HISTOGRAM_MILLIS = 60_000;
    private final AtomicLongArray latencyMillis = new AtomicLongArray(HISTOGRAM_MILLIS);
    private final AtomicLongArray[] stageMillis = {new AtomicLongArray(60_000), new AtomicLongArray(60_000),
            new AtomicLongArray(60_000)};
    private static final String[] STAGES = {"sent to submitted", "submitted to published", "published to received"};

    public static void main(String[] args) throws Exception {
        new RoomLoadClients().run(args[0], Integer.parseInt(args[1]), Double.parseDouble(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
        System.exit(0);
    }

    private void run(String base, int readers, double rate, int seconds, int warmUp, Path ids) throws Exception {
        HttpClient client = HttpClient.newConnection();
        WebsocketClientSpec spec = WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build();
        for (int i = 0; i < readers; i++) {
            client.websocket(spec).uri(base + "/ws/rooms/" + ROOMS[i % ROOMS.length])
                    .handle((in, out) -> in.receive().asString().doOnNext(this::received).then())
                    .subscribe(null, refusedOrLost -> unconnected.incrementAndGet());
            if (i % 250 == 249) {
                Thread.sleep(200);
            }
        }
        Thread.sleep(5000);
        System.out.printf("readers: %d of %d connected (the rest refused or dropped)%n",
                readers - unconnected.get(), readers);
        System.out.println(CONNECTED);

        Duration period = Duration.ofNanos(Math.round(1e9 / rate));
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<String[]> senders = new ArrayList<>();
        for (String line = input.readLine(); line != null && !line.isEmpty(); line = input.readLine()) {
            senders.add(line.split(" ", 2));
        }
        for (String[] sender : senders) {
            client.headers(headers -> headers.set(HttpHeaderNames.COOKIE, sender[1])).websocket(spec)
                    .uri(base + "/ws/rooms/" + sender[0])
                    .handle((in, out) -> out.sendString(Flux.interval(Duration.ofSeconds(1), period)
                                    .onBackpressureDrop()
                                    .takeWhile(tick -> sending)
                                    .map(tick -> {
                                        sent.incrementAndGet();
                                        return "{\"type\":\"send\",\"text\":\"bench " + System.nanoTime() + " "
                                                + System.currentTimeMillis() + "\"}";
                                    }))
                            .then()
                            .and(in.receive().asString().doOnNext(this::received).then()))
                    .subscribe();
        }
        Thread.sleep(warmUp * 1000L);
        long sentBefore = sent.get();
        long deliveredBefore = delivered.get();
        for (AtomicLongArray histogram : List.of(latencyMillis, stageMillis[0], stageMillis[1], stageMillis[2])) {
            for (int i = 0; i < histogram.length(); i++) {
                histogram.set(i, 0);
            }
        }
        System.out.println(MEASURING);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long sentMeasured = sent.get() - sentBefore;
        long deliveredMeasured = delivered.get() - deliveredBefore;
        long[] histogram = snapshot(latencyMillis);
        long[][] stages = {snapshot(stageMillis[0]), snapshot(stageMillis[1]), snapshot(stageMillis[2])};
        System.out.println(MEASURED);
        sending = false;
        Thread.sleep(5000);
        List<String> acceptedIds = List.copyOf(accepted);
        Files.write(ids, acceptedIds);
        System.out.printf("%saccepted %d refused %d unanswered %d%n", ANSWERS, acceptedIds.size(), refused.get(),
                sent.get() - acceptedIds.size() - refused.get());
        for (int stage = 0; stage < STAGES.length; stage++) {
            System.out.printf("stage %s: p50 %d ms, p99 %d ms%n", STAGES[stage], percentile(stages[stage], 0.50),
                    percentile(stages[stage], 0.99));
        }
        StringBuilder buckets = new StringBuilder(HISTOGRAM);
        for (int millis = 0; millis < histogram.length; millis++) {
            if (histogram[millis] > 0) {
                buckets.append(millis).append(':').append(histogram[millis]).append(' ');
            }
        }
        System.out.println(buckets.toString().strip());
        System.out.printf("%.0f %.0f %d %d%n", sentMeasured / elapsed, deliveredMeasured / elapsed,
                percentile(histogram, 0.50), percentile(histogram, 0.99));
    }

    /**
     * Keeps the id of an accepted message, counts a refused one, or counts the messages of a frame and files the
     * latency of each benchmark message in it.
     */
    private void received(String frame) {
        if (frame.startsWith(ACCEPTED)) {
            int start = frame.indexOf(MESSAGE_ID) + MESSAGE_ID.length();
            accepted.add(frame.substring(start, frame.indexOf('"', start)));
            return;
        }
        if (frame.startsWith("{\"type\":\"refused\"")) {
            if (refused.incrementAndGet() <= 3) {
                System.out.println("refused: " + frame);
            }
            return;
        }
        if (!frame.startsWith("{\"type\":\"messages\"") && !frame.startsWith("{\"type\":\"joined\"")) {
            return;
        }
        long now = System.nanoTime();
        for (int at = frame.indexOf(MARK); at >= 0; at = frame.indexOf(MARK, at + 1)) {
            int digits = at + MARK.length();
            int end = digits;
            while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
                end++;
            }
            file(latencyMillis, (now - Long.parseLong(frame, digits, end, 10)) / 1_000_000);
            if (at == frame.indexOf(MARK)) {
                fileStages(frame, end + 1);
            }
            delivered.incrementAndGet();
        }
    }

    /** The stages of the message whose wall-clock send time starts at {@code from}. */
    private void fileStages(String frame, int from) {
        int end = from;
        while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
            end++;
        }
        long sent = Long.parseLong(frame, from, end, 10);
        long submitted = instant(frame, "\"submittedAt\":\"", end);
        long published = instant(frame, "\"publishedAt\":\"", end);
        file(stageMillis[0], submitted - sent);
        file(stageMillis[1], published - submitted);
        file(stageMillis[2], System.currentTimeMillis() - published);
    }

    private static long instant(String frame, String field, int from) {
        int start = frame.indexOf(field, from) + field.length();
        return Instant.parse(frame.substring(start, frame.indexOf('"', start))).toEpochMilli();
    }

    private static void file(AtomicLongArray histogram, long millis) {
        histogram.incrementAndGet((int) Math.min(histogram.length() - 1, Math.max(0, millis)));
    }

    private static long[] snapshot(AtomicLongArray histogram) {
        long[] counts = new long[histogram.length()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = histogram.get(i);
        }
        return counts;
    }

    static long percentile(long[] histogram, double fraction) {
        long total = 0;
        for (long count : histogram) {
            total += count;
        }
        long wanted = (long) Math.ceil(total * fraction);
        long seen = 0;
        for (int millis = 0; millis < histogram.length; millis++) {
            seen += histogram[millis];
            if (seen >= wanted && total > 0) {
                return millis;
            }
        }
        return -1;
    }
}
