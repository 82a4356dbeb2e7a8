package dev.stagehand.gateway.benchmark;

import java.nio.file.Files;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Load on the chat rooms: N reading connections spread over the three preset rooms, M logged-in senders per room
 * sending at a fixed rate. The clients run in a JVM of their own ({@link RoomLoadClients}), so that both ends of every
 * socket do not share one JVM's event loops; the application, its Kafka and PostgreSQL and the clients still share
 * this machine. Reports messages sent, messages delivered to connections per second, send-to-receive latency
 * (p50/p99, from a histogram of every delivery), the application's heap per connection and its CPU per delivery. A
 * benchmark, not a test.
 *
 * <p>Run: {@code ./stagehand bench rooms 3000 10 20 20 30} (reading connections in all, senders per room, messages/s
 * per sender, seconds measured, seconds of warm-up at full load before them: a cold JVM spends the first half minute
 * compiling, which is measured apart).
 */
public final class RoomLoadBenchmark {

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        // The benchmark's senders may send as fast as it asks; the rooms' delivery is as configured.
        BenchmarkApplication.run(app -> run(app, connections, senders, rate, seconds, warmUp),
                "--stagehand.rooms.burst=1000000", "--stagehand.rooms.refill=1us");
    }

    private static void run(ConfigurableApplicationContext app, int connections, int senders, int rate, int seconds,
                            int warmUp) throws Exception {
        Thread.sleep(3000); // the preset rooms are created once the application is ready

        long heapBefore = usedHeap();
        RoomClientsProcess clients = RoomClientsProcess.start(app, connections, rate, seconds, warmUp,
                Files.createTempFile("room-load", ".ids"));
        clients.awaitLine(RoomLoadClients.CONNECTED);
        double perConnection = (usedHeap() - heapBefore) / (double) connections;
        clients.logInSenders(senders);
        clients.awaitLine(RoomLoadClients.MEASURING);
        CpuTime cpuBefore = CpuTime.now(clients.pid());
        clients.awaitLine(RoomLoadClients.MEASURED);
        CpuTime cpu = CpuTime.now(clients.pid()).since(cpuBefore);
        String[] figures = clients.awaitLine(null).trim().split(" ");
        double sent = Double.parseDouble(figures[0]);
        double delivered = Double.parseDouble(figures[1]);
        long deliveries = Math.round(delivered * seconds);
        System.out.printf("reading connections %,d + senders %d (%d rooms) | sent %,.0f msg/s | delivered %,.0f msg/s"
                        + " | latency p50 %s ms, p99 %s ms | Stagehand's heap per connection %,.0f bytes | CPU %s µs"
                        + " per delivery (JVM + PostgreSQL), the clients' %.1f%n", connections,
                senders * RoomLoadClients.ROOMS.length, RoomLoadClients.ROOMS.length, sent, delivered, figures[2],
                figures[3], perConnection, cpu.perUnit(deliveries), cpu.childNanos() / 1e3 / Math.max(1, deliveries));
        new BenchmarkResult(String.format("%,d readers", connections), String.format("%,.0f deliveries/s", delivered),
                String.format("p50 %s / p99 %s ms", figures[2], figures[3]), cpu.perUnit(deliveries)).print();
        System.out.printf("Re-run: ./stagehand bench rooms %d %d %d %d %d%n", connections, senders, rate, seconds,
                warmUp);
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
