package dev.stagehand.gateway.benchmark;

import dev.stagehand.gateway.cluster.StagehandProcess;
import dev.stagehand.platform.embedded.EmbeddedKafka;
import dev.stagehand.platform.embedded.EmbeddedPostgres;
import dev.stagehand.twitchsim.TwitchSim;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Load on the chat rooms: N reading connections spread over the three preset rooms, M logged-in senders per room
 * sending at a fixed rate. The clients run in JVMs of their own ({@link RoomLoadClients}), at most
 * {@value #READERS_PER_CLIENT} readers each (a process's file descriptors hold its sockets), so that both ends of every
 * socket do not share one JVM's event loops; with two nodes, a second Stagehand runs in a process of its own on the
 * same Kafka and PostgreSQL and half the readers read from it (a node takes as many sockets as its file limit allows,
 * 16,000 at this machine's 20,000). The nodes, their Kafka and PostgreSQL and the clients still share this machine.
 * Reports messages sent, messages delivered to connections per second, send-to-receive latency (p50/p99, from a
 * histogram of every delivery, the clients' merged), the first node's heap per connection and the CPU per delivery of
 * every Stagehand process and PostgreSQL. A benchmark, not a test.
 *
 * <p>Run: {@code ./stagehand bench rooms 3000 10 20 20 30 1} (reading connections in all, senders per room,
 * messages/s per sender, seconds measured, seconds of warm-up at full load before them: a cold JVM spends the first
 * half minute compiling, which is measured apart; Stagehand nodes, 1 or 2).
 */
public final class RoomLoadBenchmark {

    static final int READERS_PER_CLIENT = 10_000;

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        int nodes = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        // The benchmark's senders may send as fast as it asks; the rooms' delivery is as configured.
        BenchmarkApplication.run(app -> run(app, connections, senders, rate, seconds, warmUp, nodes), LIFTED);
    }

    private static final String[] LIFTED = {"--stagehand.rooms.burst=1000000", "--stagehand.rooms.refill=1us"};

    private static void run(ConfigurableApplicationContext app, int connections, int senders, int rate, int seconds,
                            int warmUp, int nodes) throws Exception {
        Thread.sleep(3000); // the preset rooms are created once the application is ready
        List<String> urls = new ArrayList<>(List.of(BenchmarkApplication.url(app)));
        List<Long> otherNodes = new ArrayList<>();
        StagehandProcess second = nodes > 1 ? secondNode(app) : null;
        if (second != null) {
            urls.add(second.url());
            otherNodes.add(second.pid());
        }
        try {
            measure(app, urls, otherNodes, connections, senders, rate, seconds, warmUp);
        } finally {
            if (second != null) {
                second.close();
            }
        }
        System.out.printf("Re-run: ./stagehand bench rooms %d %d %d %d %d %d%n", connections, senders, rate, seconds,
                warmUp, nodes);
    }

    private static void measure(ConfigurableApplicationContext app, List<String> urls, List<Long> otherNodes,
                                int connections, int senders, int rate, int seconds, int warmUp) throws Exception {
        long heapBefore = usedHeap();
        int processes = Math.max(urls.size(), (connections + READERS_PER_CLIENT - 1) / READERS_PER_CLIENT);
        List<RoomClientsProcess> clients = new ArrayList<>();
        int onFirstNode = 0;
        for (int i = 0; i < processes; i++) {
            int readers = connections / processes + (i < connections % processes ? 1 : 0);
            onFirstNode += i % urls.size() == 0 ? readers : 0;
            clients.add(RoomClientsProcess.start(urls.get(i % urls.size()), readers, rate, seconds, warmUp,
                    Files.createTempFile("room-load", ".ids")));
        }
        for (RoomClientsProcess process : clients) {
            process.awaitLine(RoomLoadClients.CONNECTED);
        }
        double perConnection = (usedHeap() - heapBefore) / (double) onFirstNode;
        // The senders first, then the readers' clients: all begin their warm-up together.
        clients.get(0).logInSenders(senders);
        for (RoomClientsProcess process : clients.subList(1, clients.size())) {
            process.logInSenders(0);
        }
        List<Long> clientPids = clients.stream().map(RoomClientsProcess::pid).toList();
        for (RoomClientsProcess process : clients) {
            process.awaitLine(RoomLoadClients.MEASURING);
        }
        CpuTime cpuBefore = CpuTime.now(otherNodes, clientPids);
        for (RoomClientsProcess process : clients) {
            process.awaitLine(RoomLoadClients.MEASURED);
        }
        CpuTime cpu = CpuTime.now(otherNodes, clientPids).since(cpuBefore);
        long[] histogram = new long[RoomLoadClients.HISTOGRAM_MILLIS];
        double sent = 0;
        double delivered = 0;
        for (RoomClientsProcess process : clients) {
            long[] theirs = process.histogram();
            for (int millis = 0; millis < histogram.length; millis++) {
                histogram[millis] += theirs[millis];
            }
            String[] figures = process.awaitLine(null).trim().split(" ");
            sent += Double.parseDouble(figures[0]);
            delivered += Double.parseDouble(figures[1]);
        }
        long p50 = RoomLoadClients.percentile(histogram, 0.50);
        long p99 = RoomLoadClients.percentile(histogram, 0.99);
        long deliveries = Math.round(delivered * seconds);
        System.out.printf("reading connections %,d on %d node(s) + senders %d (%d rooms) | sent %,.0f msg/s | delivered"
                        + " %,.0f msg/s | latency p50 %d ms, p99 %d ms | the first node's heap per connection %,.0f"
                        + " bytes | CPU %s µs per delivery (Stagehand + PostgreSQL), the clients' %.1f%n",
                connections, urls.size(), senders * RoomLoadClients.ROOMS.length, RoomLoadClients.ROOMS.length, sent,
                delivered, p50, p99, perConnection, cpu.perUnit(deliveries),
                cpu.childNanos() / 1e3 / Math.max(1, deliveries));
        new BenchmarkResult(String.format("%,d readers%s", connections, urls.size() > 1 ? ", 2 nodes" : ""),
                String.format("%,.0f deliveries/s", delivered), String.format("p50 %d / p99 %d ms", p50, p99),
                cpu.perUnit(deliveries)).print();
    }

    /** A second node on the first one's Kafka, PostgreSQL, master key and simulator, in a process of its own. */
    private static StagehandProcess secondNode(ConfigurableApplicationContext app) throws Exception {
        String dataDir = app.getEnvironment().getProperty("stagehand.embedded.data-dir");
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + app.getBean(EmbeddedPostgres.class).jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.kafka.bootstrap-servers=" + app.getBean(EmbeddedKafka.class).bootstrapServers(),
                "--stagehand.secrets.master-key=" + Files.readString(Path.of(dataDir, "master.key"),
                        StandardCharsets.US_ASCII).strip(),
                "--stagehand.demo.twitch-sim-url=" + app.getBean(TwitchSim.class).urls().base(),
                "--logging.level.root=warn"));
        arguments.addAll(List.of(LIFTED));
        System.out.println("Starting a second node ...");
        return StagehandProcess.start("node-two", Files.createTempDirectory("stagehand-benchmark-node-two"),
                arguments).awaitUp();
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
