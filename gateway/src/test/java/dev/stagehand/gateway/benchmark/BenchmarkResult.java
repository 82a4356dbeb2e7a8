package dev.stagehand.gateway.benchmark;

/**
 * A line a benchmark ends with, which {@code ./stagehand bench} ({@link BenchmarkSuite}) gathers into its table: what
 * was measured, its rate, its latency and the CPU each unit of work cost (Stagehand's JVM + PostgreSQL).
 */
record BenchmarkResult(String measured, String rate, String latency, String cpuPerUnit) {

    /** Benchmarks outside this module print the same line by hand: {@code benchmark-result|…|…|…|…}. */
    static final String PREFIX = "benchmark-result|";

    void print() {
        System.out.println(PREFIX + String.join("|", measured, rate, latency, cpuPerUnit));
    }

    static BenchmarkResult parse(String line) {
        String[] parts = line.substring(PREFIX.length()).split("\\|", -1);
        return new BenchmarkResult(parts[0], parts[1], parts[2], parts[3]);
    }
}
