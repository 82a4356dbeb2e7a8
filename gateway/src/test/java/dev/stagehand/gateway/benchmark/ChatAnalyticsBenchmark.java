package dev.stagehand.gateway.benchmark;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Chat analytics throughput: writes a backlog of {@link SyntheticChat} to Kafka while the analytics processor is
 * stopped (and the history writer too, so that it does not compete), starts the processor, and measures how fast the
 * messages are counted: until the one-minute windows in the read model add up to the backlog. Exactly-once
 * processing, Kafka, PostgreSQL and the application share this machine. A benchmark, not a test: it prints its
 * figures.
 *
 * <p>Run: {@code ./stagehand bench chat-analytics 1000000 100} (records, channels).
 */
public final class ChatAnalyticsBenchmark {

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        BenchmarkApplication.run(app -> run(app, records, channels));
    }

    private static void run(ConfigurableApplicationContext app, int records, int channels) throws Exception {
        app.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("chat-history").stop();
        StreamsBuilderFactoryBean analytics = app.getBean(StreamsBuilderFactoryBean.class);
        analytics.stop();
        JdbcClient jdbc = app.getBean(JdbcClient.class);

        SyntheticChat.backlog(app, records, channels);

        long start = System.nanoTime();
        CpuTime cpuBefore = CpuTime.now(0);
        analytics.start();
        long counted = 0;
        long firstCounted = 0;
        long lastPrint = start;
        while (counted < records) {
            Thread.sleep(500);
            counted = jdbc.sql("SELECT coalesce(sum(message_count), 0) FROM chat_stats_view WHERE window_seconds = 60"
                               + " AND channel_id >= '100000' AND channel_id < '200000'").query(Long.class).single();
            if (firstCounted == 0 && counted > 0) {
                firstCounted = System.nanoTime();
            }
            if (System.nanoTime() - lastPrint > 5e9) {
                lastPrint = System.nanoTime();
                System.out.printf("  %,d counted after %.0f s%n", counted, (lastPrint - start) / 1e9);
            }
        }
        CpuTime cpu = CpuTime.now(0).since(cpuBefore);
        double seconds = (System.nanoTime() - firstCounted) / 1e9;
        System.out.printf("Chat analytics: the first counts after %.1f s (the processor joining its group), then "
                + "%,d messages counted in %.1f s = %,.0f messages/s, %s µs of CPU per message (JVM + PostgreSQL)%n",
                (firstCounted - start) / 1e9, counted, seconds, counted / seconds, cpu.perUnit(counted));
        new BenchmarkResult("messages counted", String.format("%,.0f msg/s", counted / seconds),
                String.format("first counts after %.1f s", (firstCounted - start) / 1e9), cpu.perUnit(counted)).print();
        System.out.println("Re-run: ./stagehand bench chat-analytics " + records + " " + channels);
    }
}
