package dev.stagehand.gateway.benchmark;

import dev.stagehand.api.chatroom.PublishedRoomMessage;
import dev.stagehand.api.kafka.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat rooms' write path at a given rate: logged-in senders spread over the three preset rooms (their rate limits
 * lifted) send over their sockets through validation, {@code stagehand.rooms.submitted}, the skibidifier (the rules),
 * {@code stagehand.rooms.published} and room history; the senders are in a JVM of their own ({@link RoomLoadClients}),
 * and each also reads its room as a person does. Then it counts: every message Stagehand accepted must be once on the
 * published topic and once in history, and nothing else. Reports the rate sent and published in the measured seconds,
 * submitted → published latency (p50/p99 over every message published in them), and the CPU per message. A benchmark,
 * not a test.
 *
 * <p>Run: {@code ./stagehand bench room-writes 1002 41667 20 30} (senders, messages/s in all, seconds measured, seconds
 * of warm-up at full load before them).
 */
public final class RoomWriteBenchmark {

    public static void main(String[] args) throws Exception {
        int senders = args.length > 0 ? Integer.parseInt(args[0]) : 1002;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 41_667;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        BenchmarkApplication.run(app -> run(app, senders, rate, seconds, warmUp),
                "--stagehand.rooms.burst=1000000", "--stagehand.rooms.refill=1us");
    }

    private static void run(ConfigurableApplicationContext app, int senders, int rate, int seconds, int warmUp)
            throws Exception {
        Thread.sleep(3000); // the preset rooms are created once the application is ready
        int perRoom = (senders + RoomLoadClients.ROOMS.length - 1) / RoomLoadClients.ROOMS.length;
        int all = perRoom * RoomLoadClients.ROOMS.length;
        Path ids = Files.createTempFile("room-writes", ".ids");
        RoomClientsProcess clients = RoomClientsProcess.start(BenchmarkApplication.url(app), 0,
                rate / (double) all, seconds, warmUp, ids);
        clients.awaitLine(RoomLoadClients.CONNECTED);
        long loggingIn = System.nanoTime();
        clients.logInSenders(perRoom);
        System.out.printf("%,d senders logged in in %.0f s%n", all, (System.nanoTime() - loggingIn) / 1e9);

        clients.awaitLine(RoomLoadClients.MEASURING);
        Instant from = Instant.now();
        CpuTime cpuBefore = CpuTime.now(clients.pid());
        clients.awaitLine(RoomLoadClients.MEASURED);
        CpuTime cpu = CpuTime.now(clients.pid()).since(cpuBefore);
        Instant to = Instant.now();
        System.out.println(clients.awaitLine(RoomLoadClients.ANSWERS));
        clients.histogram(); // the readers' latencies: this benchmark reports the write path's own
        double sentPerSecond = Double.parseDouble(clients.awaitLine(null).trim().split(" ")[0]);

        List<String> acceptedIds = Files.readAllLines(ids);
        Set<String> accepted = new HashSet<>(acceptedIds);
        Map<String, Integer> stored = drainedHistory(app.getBean(JdbcClient.class));
        JsonMapper json = app.getBean(JsonMapper.class);
        Map<String, Integer> published = new HashMap<>();
        List<Long> latencies = new ArrayList<>();
        for (ConsumerRecord<String, String> record : publishedTopic(app)) {
            if (!record.value().contains("\"original\":\"bench ")) {
                continue;
            }
            PublishedRoomMessage message = json.readValue(record.value(), PublishedRoomMessage.class);
            published.merge(message.messageId(), 1, Integer::sum);
            if (!message.publishedAt().isBefore(from) && message.publishedAt().isBefore(to)) {
                latencies.add(Duration.between(message.submittedAt(), message.publishedAt()).toMillis());
            }
        }

        System.out.printf("Accepted %,d messages (%,d ids, %,d given twice)%n", acceptedIds.size(), accepted.size(),
                acceptedIds.size() - accepted.size());
        report("On " + Topics.ROOM_PUBLISHED.name(), published, accepted);
        report("In room history", stored, accepted);
        double window = Duration.between(from, to).toMillis() / 1e3;
        long measured = latencies.size();
        latencies.sort(null);
        String latency = String.format("p50 %d / p99 %d ms", percentile(latencies, 0.50), percentile(latencies, 0.99));
        System.out.printf("In the %.0f measured seconds: sent %,.0f msg/s, published %,.0f msg/s (aim 41,667),"
                        + " submitted → published %s, CPU %s µs per message (JVM + PostgreSQL), the clients' %.1f%n",
                window, sentPerSecond, measured / window, latency, cpu.perUnit(measured),
                cpu.childNanos() / 1e3 / Math.max(1, measured));
        new BenchmarkResult(String.format("%,d senders", all), String.format("%,.0f msg/s published",
                measured / window), "submitted → published " + latency, cpu.perUnit(measured)).print();
        System.out.printf("Re-run: ./stagehand bench room-writes %d %d %d %d%n", senders, rate, seconds, warmUp);
    }

    /**
     * How many times each benchmark message is in history, once the pipeline has drained (history's count has not
     * moved for ten seconds).
     */
    private static Map<String, Integer> drainedHistory(JdbcClient jdbc) throws InterruptedException {
        long count = -1;
        for (int still = 0; still < 10; still++) {
            Thread.sleep(1000);
            long now = jdbc.sql("SELECT count(*) FROM room_message WHERE original LIKE 'bench %'").query(Long.class)
                    .single();
            if (now != count) {
                still = 0;
                count = now;
            }
        }
        Map<String, Integer> stored = new HashMap<>();
        jdbc.sql("SELECT message_id FROM room_message WHERE original LIKE 'bench %'").query(String.class).list()
                .forEach(id -> stored.merge(id, 1, Integer::sum));
        return stored;
    }

    /** Every record of the published topic, read from its beginning to its end. */
    @SuppressWarnings("unchecked")
    private static List<ConsumerRecord<String, String>> publishedTopic(ConfigurableApplicationContext app) {
        ConsumerFactory<String, String> consumers = app.getBean(ConsumerFactory.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (Consumer<String, String> consumer = consumers.createConsumer("room-writes-" + UUID.randomUUID(), null)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ROOM_PUBLISHED.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /** Prints how many accepted ids {@code counted} lacks, how many it holds twice, and how many it holds unanswered. */
    private static void report(String where, Map<String, Integer> counted, Set<String> accepted) {
        long missing = accepted.stream().filter(id -> !counted.containsKey(id)).count();
        long doubled = counted.values().stream().filter(times -> times > 1).count();
        long unaccepted = counted.keySet().stream().filter(id -> !accepted.contains(id)).count();
        System.out.printf("%s: %,d messages, %,d of the accepted missing, %,d doubled, %,d not answered as"
                + " accepted (sent before the senders stopped, their answer not awaited)%n", where,
                counted.values().stream().mapToLong(Integer::longValue).sum(), missing, doubled, unaccepted);
    }

    private static long percentile(List<Long> sorted, double fraction) {
        return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1,
                Math.ceil(sorted.size() * fraction) - 1));
    }
}
