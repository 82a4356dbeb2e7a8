package dev.stagehand.gateway.benchmark;

import dev.stagehand.api.highlight.BacktestSpikes;
import dev.stagehand.api.highlight.SpikeBacktest;
import dev.stagehand.query.highlight.SpikeSettings;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Chat history ingest: writes a backlog of {@link SyntheticChat} to Kafka while the history writer is stopped,
 * starts it, and measures how fast the rows land in PostgreSQL (Kafka, the writers and PostgreSQL share this
 * machine); then backtests the default spike rule over the first channel's stored chat, and measures how fast that
 * reads. A benchmark, not a test: it prints its figures.
 *
 * <p>Run: {@code ./stagehand bench chat-history 1000000 100} (records, channels).
 */
public final class ChatHistoryBenchmark {

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        BenchmarkApplication.run(app -> run(app, records, channels));
    }

    private static void run(ConfigurableApplicationContext app, int records, int channels) throws Exception {
        MessageListenerContainer writer = app.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("chat-history");
        writer.stop();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        SyntheticChat.backlog(app, records, channels);

        long ingestStart = System.nanoTime();
        CpuTime cpuBefore = CpuTime.now(0);
        writer.start();
        long stored = 0;
        long lastPrint = ingestStart;
        while (stored < records) {
            Thread.sleep(1000);
            stored = jdbc.sql("SELECT count(*) FROM chat_message").query(Long.class).single();
            if (System.nanoTime() - lastPrint > 5e9) {
                lastPrint = System.nanoTime();
                System.out.printf("  %,d rows after %.0f s%n", stored, (lastPrint - ingestStart) / 1e9);
            }
        }
        CpuTime cpu = CpuTime.now(0).since(cpuBefore);
        double seconds = (System.nanoTime() - ingestStart) / 1e9;
        System.out.printf("History ingest: %,d rows in %.1f s = %,.0f rows/s (aim >= 50,000), %s µs of CPU per row"
                + " (JVM + PostgreSQL)%n", stored, seconds, stored / seconds, cpu.perUnit(stored));
        new BenchmarkResult("rows stored", String.format("%,.0f rows/s", stored / seconds), "-", cpu.perUnit(stored))
                .print();

        Instant now = Instant.now();
        BacktestSpikes backtest = new BacktestSpikes("100000", now.minus(Duration.ofHours(1)), now.plusSeconds(60),
                app.getBean(SpikeSettings.class).rule());
        long backtestStart = System.nanoTime();
        SpikeBacktest result = app.getBean(QueryGateway.class).query(backtest, SpikeBacktest.class).join();
        double backtestSeconds = (System.nanoTime() - backtestStart) / 1e9;
        System.out.printf("Backtest: %,d messages of one channel read in %.1f s = %,.0f messages/s (%d spikes)%n",
                result.messages(), backtestSeconds, result.messages() / backtestSeconds, result.spikes().size());
        System.out.println("Re-run: ./stagehand bench chat-history " + records + " " + channels);
    }
}
