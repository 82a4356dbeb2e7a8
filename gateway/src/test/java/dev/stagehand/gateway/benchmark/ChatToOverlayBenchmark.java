package dev.stagehand.gateway.benchmark;

import dev.stagehand.api.kafka.Topics;
import dev.stagehand.gateway.WebUser;
import dev.stagehand.platform.embedded.EmbeddedKafka;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Floods the simulated Twitch at rising rates across many channels and measures what Stagehand sustains: chat records
 * written to Kafka per second, and the latency from Twitch's sent time to receipt by overlay WebSockets, split into
 * Twitch to Stagehand (the simulator and twitch4j) and what Stagehand adds (from its receipt, through Kafka, to the
 * overlay), with the CPU each message costs. The simulator runs in a JVM of its own ({@link SimProcess}), so that
 * writing the chat is not counted as Stagehand's work. A benchmark, not a test: it prints its figures.
 *
 * <p>Run: {@code ./stagehand bench chat-to-overlay 100 5000,10000,21000,42000 15} (channels, total messages/s per
 * step, seconds per step).
 */
public final class ChatToOverlayBenchmark {

    private static final int OVERLAYS = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int[] rates = Arrays.stream((args.length > 1 ? args[1] : "5000,10000,21000,42000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        SimProcess sim = SimProcess.start();
        BenchmarkApplication.run(app -> run(app, sim, channels, rates, seconds), sim.argument());
    }

    private static void run(ConfigurableApplicationContext app, SimProcess sim, int channels, int[] rates,
                            int seconds) throws Exception {
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        sim.approveAs("benchmark_streamer");
        WebUser streamer = new WebUser(base);
        streamer.logIn("twitch");
        WebTestClient api = streamer.client(WebTestClient.bindToServer().baseUrl(base)
                .responseTimeout(Duration.ofSeconds(60)).build());

        List<String> logins = new ArrayList<>();
        long joinStart = System.nanoTime();
        for (int i = 0; i < channels; i++) {
            logins.add(String.format("bench_%03d", i));
            sim.channel(logins.get(i)); // the simulated Twitch makes a user of every login it is asked about
            api.post().uri("/api/channels").bodyValue(Map.of("channel", logins.get(i))).exchange()
                    .expectStatus().isCreated();
        }
        while (logins.stream().anyMatch(login -> sim.channel(login).path("chatClients").asInt() < 1)) {
            Thread.sleep(200);
        }
        System.out.printf("subscribed and joined %d channels in %.1f s (Twitch allows 20 joins per 10 s)%n", channels,
                (System.nanoTime() - joinStart) / 1e9);

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> ingestLatencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> addedLatencies = new ConcurrentLinkedQueue<>();
        AtomicLong overlayFrames = new AtomicLong();
        List<Disposable> sockets = new ArrayList<>();
        for (int i = 0; i < Math.min(OVERLAYS, channels); i++) {
            Map<?, ?> overlay = api.post().uri("/api/overlays").bodyValue(Map.of("name", "bench " + i,
                            "channelId", sim.channel(logins.get(i)).path("id").asString())).exchange()
                    .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            URI socket = URI.create(((String) overlay.get("url")).replace("http://", "ws://")
                    .replace("/overlay/", "/ws/overlay/"));
            sockets.add(new ReactorNettyWebSocketClient().execute(socket, session -> session.receive()
                    .map(WebSocketMessage::getPayloadAsText)
                    .doOnNext(text -> {
                        JsonNode frame = JSON.readTree(text);
                        if ("chat".equals(frame.path("type").asString())) {
                            long sent = Instant.parse(frame.path("chat").path("sentAt").asString()).toEpochMilli();
                            long received = Instant.parse(frame.path("chat").path("receivedAt").asString())
                                    .toEpochMilli();
                            long now = System.currentTimeMillis();
                            latencies.add(now - sent);
                            ingestLatencies.add(received - sent);
                            addedLatencies.add(now - received);
                            overlayFrames.incrementAndGet();
                        }
                    }).then()).subscribe());
        }

        AtomicLong kafkaRecords = new AtomicLong();
        AtomicBoolean counting = new AtomicBoolean(true);
        Thread counter = new Thread(() -> countKafka(app.getBean(EmbeddedKafka.class).bootstrapServers(),
                kafkaRecords, counting), "benchmark-kafka-counter");
        counter.start();
        Thread.sleep(2000);

        System.out.println("offered msg/s | to Kafka msg/s | overlay frames/s (" + OVERLAYS
                + " overlays) | latency p50 / p99 / max ms | Twitch to Stagehand p50 / p99 ms"
                + " | added by Stagehand (receipt to overlay) p50 / p99 ms | CPU µs per message (JVM + PostgreSQL)"
                + " | simulator CPU cores");
        for (int rate : rates) {
            logins.forEach(login -> sim.chat(login, 500, (double) rate / channels));
            Thread.sleep(3000);
            latencies.clear();
            ingestLatencies.clear();
            addedLatencies.clear();
            long kafkaBefore = kafkaRecords.get();
            long framesBefore = overlayFrames.get();
            long start = System.nanoTime();
            CpuTime cpuBefore = CpuTime.now(sim.pid());
            Thread.sleep(seconds * 1000L);
            CpuTime cpu = CpuTime.now(sim.pid()).since(cpuBefore);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long toKafka = kafkaRecords.get() - kafkaBefore;
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] ingest = ingestLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] added = addedLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%,13d | %,14.0f | %,16.0f | %d / %d / %d | %d / %d | %d / %d | %s | %.2f%n", rate,
                    toKafka / elapsed, (overlayFrames.get() - framesBefore) / elapsed,
                    percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length == 0 ? -1 : sorted[sorted.length - 1],
                    percentile(ingest, 0.50), percentile(ingest, 0.99), percentile(added, 0.50), percentile(added, 0.99),
                    cpu.perUnit(toKafka), cpu.childNanos() / 1e9 / elapsed);
            new BenchmarkResult(String.format("%,d msg/s offered", rate),
                    String.format("%,.0f msg/s", toKafka / elapsed),
                    String.format("p50 %d / p99 %d ms (added %d / %d)", percentile(sorted, 0.50),
                            percentile(sorted, 0.99), percentile(added, 0.50), percentile(added, 0.99)),
                    cpu.perUnit(toKafka)).print();
            logins.forEach(login -> sim.chat(login, 500, 0));
            Thread.sleep(3000);
        }
        counting.set(false);
        counter.join();
        sockets.forEach(Disposable::dispose);
    }

    private static void countKafka(String bootstrap, AtomicLong records, AtomicBoolean counting) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest", ConsumerConfig.RECEIVE_BUFFER_CONFIG, -1,
                // Counting needs no hurry: few, full fetches keep the counter's load on the broker small.
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1 << 20, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CHAT_MESSAGES.name()));
            while (counting.get()) {
                records.addAndGet(consumer.poll(Duration.ofMillis(200)).count());
            }
        }
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))];
    }
}
