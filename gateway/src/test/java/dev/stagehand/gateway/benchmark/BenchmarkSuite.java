package dev.stagehand.gateway.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./stagehand bench}: every benchmark in a short form, one after another, each in a JVM of its own, then one
 * table of what they measured beside the figures last recorded in BENCHMARKS.md. {@code ./stagehand bench NAME [ARGS]}
 * runs one, with its own arguments or its short form, its output shown as it goes; {@code --record} writes the new
 * figures into BENCHMARKS.md's table of short runs.
 */
public final class BenchmarkSuite {

    /** A benchmark, and the arguments of its short form. */
    record Benchmark(String name, String mainClass, String shortForm) {
    }

    static final List<Benchmark> ALL = List.of(
            new Benchmark("sim-chat", "dev.stagehand.twitchsim.ChatThroughputBenchmark", "1000000"),
            new Benchmark("chat-to-overlay", ChatToOverlayBenchmark.class.getName(), "20 2000,5000,21000,42000 10"),
            new Benchmark("go-live", GoLiveBenchmark.class.getName(), "100 10s 5 webhook"),
            new Benchmark("chat-history", ChatHistoryBenchmark.class.getName(), "200000 100"),
            new Benchmark("chat-analytics", ChatAnalyticsBenchmark.class.getName(), "300000 100"),
            new Benchmark("rooms", RoomLoadBenchmark.class.getName(), "3000 10 20 10"),
            new Benchmark("room-writes", RoomWriteBenchmark.class.getName(), "1002 2500 10 60"),
            new Benchmark("rebuild", ProjectionRebuildBenchmark.class.getName(), "50000 100"));

    private static final Path RECORDED = Path.of("BENCHMARKS.md");
    private static final String TABLE = "## Short runs: `./stagehand bench`";
    private static final Path LOGS = Path.of("target", "benchmarks");

    public static void main(String[] args) throws Exception {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        boolean record = arguments.remove("--record");
        List<Benchmark> chosen = ALL;
        List<String> own = List.of();
        if (!arguments.isEmpty()) {
            Benchmark named = ALL.stream().filter(benchmark -> benchmark.name().equals(arguments.get(0))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No benchmark is named " + arguments.get(0)
                            + "; there are " + ALL.stream().map(Benchmark::name).toList()));
            chosen = List.of(named);
            own = arguments.subList(1, arguments.size());
        }
        Map<String, BenchmarkResult> measured = new LinkedHashMap<>();
        Files.createDirectories(LOGS);
        for (Benchmark benchmark : chosen) {
            List<String> benchmarkArgs = own.isEmpty() ? List.of(benchmark.shortForm().split(" ")) : own;
            System.out.printf("%s %s ...%s", benchmark.name(), String.join(" ", benchmarkArgs),
                    chosen.size() == 1 ? System.lineSeparator() : " ");
            long started = System.nanoTime();
            for (BenchmarkResult result : run(benchmark, benchmarkArgs, chosen.size() == 1)) {
                measured.put(benchmark.name() + " " + result.measured(), result);
            }
            System.out.printf("%.0f s (output in %s)%n", (System.nanoTime() - started) / 1e9,
                    LOGS.resolve(benchmark.name() + ".log"));
        }
        Map<String, List<String>> recorded = recorded();
        System.out.printf("%n%-44s | %-26s | %-26s | %-24s%n", "benchmark", "rate (recorded)", "latency (recorded)",
                "CPU µs/unit, JVM + PG (recorded)");
        measured.forEach((key, result) -> {
            List<String> before = recorded.getOrDefault(key, List.of("-", "-", "-", "-"));
            System.out.printf("%-44s | %-26s | %-26s | %-24s%n", key, result.rate() + " (" + before.get(0) + ")",
                    result.latency() + " (" + before.get(1) + ")", result.cpuPerUnit() + " (" + before.get(2) + ")");
        });
        if (record) {
            record(measured, recorded);
            System.out.println("\nRecorded in " + RECORDED);
        } else {
            System.out.println("\nTo record these figures in BENCHMARKS.md: ./stagehand bench [NAME] --record");
        }
    }

    /** Runs one benchmark in a JVM of its own; its output goes to its log (and the console when {@code shown}). */
    private static List<BenchmarkResult> run(Benchmark benchmark, List<String> args, boolean shown)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                benchmark.mainClass()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<BenchmarkResult> results = new ArrayList<>();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(LOGS.resolve(benchmark.name() + ".log")))) {
            String line;
            while ((line = output.readLine()) != null) {
                log.println(line);
                if (shown) {
                    System.out.println(line);
                }
                if (line.startsWith(BenchmarkResult.PREFIX)) {
                    results.add(BenchmarkResult.parse(line));
                }
            }
        }
        int exit = process.waitFor();
        if (results.isEmpty()) {
            System.out.printf("no figures (exit %d) ", exit);
        }
        return results;
    }

    /** The short-run table of BENCHMARKS.md: benchmark → rate, latency, CPU, date. */
    private static Map<String, List<String>> recorded() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        if (!Files.exists(RECORDED)) {
            return rows;
        }
        for (String line : tableLines(Files.readAllLines(RECORDED))) {
            List<String> cells = Arrays.stream(line.split("\\|")).map(String::trim).toList();
            if (cells.size() >= 6 && !cells.get(1).equals("benchmark") && !cells.get(1).startsWith("---")) {
                rows.put(cells.get(1), cells.subList(2, 6));
            }
        }
        return rows;
    }

    private static List<String> tableLines(List<String> document) {
        int start = document.indexOf(TABLE);
        if (start < 0) {
            return List.of();
        }
        List<String> table = new ArrayList<>();
        for (int i = start + 1; i < document.size(); i++) {
            String line = document.get(i);
            if (line.startsWith("|")) {
                table.add(line);
            } else if (!table.isEmpty()) {
                break;
            }
        }
        return table;
    }

    /** Replaces the rows of what was measured (and adds new ones) in BENCHMARKS.md's table of short runs. */
    private static void record(Map<String, BenchmarkResult> measured, Map<String, List<String>> recorded)
            throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>(recorded);
        String today = LocalDate.now().toString();
        measured.forEach((key, result) -> rows.put(key, List.of(result.rate(), result.latency(), result.cpuPerUnit(),
                today)));
        List<String> table = new ArrayList<>(List.of(
                "| benchmark | rate | latency | CPU µs per unit (JVM + PostgreSQL) | recorded |",
                "|---|---|---|---|---|"));
        rows.forEach((key, cells) -> table.add("| " + key + " | " + String.join(" | ", cells) + " |"));
        List<String> document = new ArrayList<>(Files.readAllLines(RECORDED));
        int section = document.indexOf(TABLE);
        if (section < 0) {
            throw new IllegalStateException("BENCHMARKS.md has no section '" + TABLE + "'");
        }
        List<String> old = tableLines(document);
        int at = old.isEmpty() ? section + 2 : document.subList(section, document.size()).indexOf(old.get(0)) + section;
        document.subList(at, at + old.size()).clear();
        document.addAll(at, table);
        Files.write(RECORDED, document);
    }
}
