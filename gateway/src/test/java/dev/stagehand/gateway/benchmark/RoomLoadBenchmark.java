package dev.stagehand.gateway.benchmark;

import dev.stagehand.gateway.WebUser;
import dev.stagehand.twitchsim.TwitchSim;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * Load on the chat rooms: N reading connections spread over the three preset rooms, M logged-in senders per room
 * sending at a fixed rate, everything (the application, its Kafka and PostgreSQL, and this load generator) on this
 * machine. Reports messages sent, messages delivered to connections per second, send-to-receive latency (p50/p99, from
 * a histogram of every delivery) and heap per connection (client and server side together). A benchmark, not a test.
 *
 * <p>Run: {@code ./stagehand bench rooms 3000 10 20 20} (reading connections in all, senders per room, messages/s per sender, seconds measured).
 */
public final class RoomLoadBenchmark {

    private static final String[] ROOMS = {"skibidi-lounge", "pirate-cove", "the-globe"};
    private static final String MARK = "\"original\":\"bench ";

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLongArray latencyMillis = new AtomicLongArray(60_000);

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        // The benchmark's senders may send as fast as it asks; the rooms' delivery is as configured.
        BenchmarkApplication.run(app -> new RoomLoadBenchmark().run(app, connections, senders, rate, seconds),
                "--stagehand.rooms.burst=1000000", "--stagehand.rooms.refill=1us");
    }

    private void run(ConfigurableApplicationContext app, int connections, int senders, int rate, int seconds)
            throws Exception {
        String base = "ws://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        String http = base.replace("ws://", "http://");
        HttpClient client = HttpClient.newConnection();
        WebsocketClientSpec spec = WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build();
        Thread.sleep(3000); // the preset rooms are created once the application is ready

        long heapBefore = usedHeap();
        List<Disposable> sockets = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            sockets.add(client.websocket(spec).uri(base + "/ws/rooms/" + ROOMS[i % ROOMS.length])
                    .handle((in, out) -> in.receive().asString().doOnNext(this::received).then()).subscribe());
            if (i % 250 == 249) {
                Thread.sleep(200);
            }
        }
        Thread.sleep(5000);
        double perConnection = (usedHeap() - heapBefore) / (double) connections;

        TwitchSim sim = app.getBean(TwitchSim.class);
        Duration period = Duration.ofNanos(1_000_000_000L / rate);
        for (String room : ROOMS) {
            for (int s = 0; s < senders; s++) {
                String login = "bench_" + room.replace("-", "_") + "_" + s;
                sim.oauth().approveAs(login);
                WebUser user = new WebUser(http);
                user.logIn("twitch");
                String cookie = "STAGEHAND_SESSION=" + user.cookie("STAGEHAND_SESSION").orElseThrow();
                sockets.add(client.headers(headers -> headers.set(HttpHeaderNames.COOKIE, cookie)).websocket(spec)
                        .uri(base + "/ws/rooms/" + room)
                        .handle((in, out) -> out.sendString(Flux.interval(Duration.ofSeconds(1), period)
                                        .onBackpressureDrop()
                                        .map(tick -> {
                                            sent.incrementAndGet();
                                            return "{\"type\":\"send\",\"text\":\"bench " + System.nanoTime() + "\"}";
                                        }))
                                .then()
                                .and(in.receive().asString().doOnNext(this::received).then()))
                        .subscribe());
            }
        }
        Thread.sleep(5000);
        long sentBefore = sent.get();
        long deliveredBefore = delivered.get();
        for (int i = 0; i < latencyMillis.length(); i++) {
            latencyMillis.set(i, 0);
        }
        long start = System.nanoTime();
        CpuTime cpuBefore = CpuTime.now(0);
        Thread.sleep(seconds * 1000L);
        CpuTime cpu = CpuTime.now(0).since(cpuBefore);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long deliveries = delivered.get() - deliveredBefore;
        long[] histogram = new long[latencyMillis.length()];
        for (int i = 0; i < histogram.length; i++) {
            histogram[i] = latencyMillis.get(i);
        }
        System.out.printf("reading connections %,d + senders %d (%d rooms) | sent %,.0f msg/s | delivered %,.0f msg/s"
                        + " | latency p50 %d ms, p99 %d ms | heap per connection %,.0f bytes%n", connections,
                senders * ROOMS.length, ROOMS.length, (sent.get() - sentBefore) / elapsed,
                deliveries / elapsed, percentile(histogram, 0.50), percentile(histogram, 0.99), perConnection);
        new BenchmarkResult(String.format("%,d readers", connections), String.format("%,.0f deliveries/s",
                deliveries / elapsed), String.format("p50 %d / p99 %d ms", percentile(histogram, 0.50),
                percentile(histogram, 0.99)), cpu.perUnit(deliveries)).print();
        System.out.printf("Re-run: ./stagehand bench rooms %d %d %d %d%n", connections, senders, rate, seconds);
        sockets.forEach(Disposable::dispose);
    }

    /** Counts the messages of a frame and files the latency of each benchmark message in it. */
    private void received(String frame) {
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
            long millis = (now - Long.parseLong(frame, digits, end, 10)) / 1_000_000;
            latencyMillis.incrementAndGet((int) Math.min(latencyMillis.length() - 1, Math.max(0, millis)));
            delivered.incrementAndGet();
        }
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long percentile(long[] histogram, double fraction) {
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
