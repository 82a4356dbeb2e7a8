package dev.stagehand.gateway.benchmark;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used so far, read from {@code /proc} (Linux): by this JVM, by PostgreSQL's processes and by the
 * benchmark's process apart (the simulator, or the load's clients). On a machine shared by all of them, the CPU a
 * unit of work costs moves far less from run to run than the rate does.
 *
 * @param jvmNanos      this JVM (Stagehand, its embedded Kafka and the benchmark's clients) and any other Stagehand
 *                      node the benchmark started
 * @param postgresNanos every process named {@code postgres}
 * @param childNanos    the benchmark's processes apart (the simulator, or the load's clients), or 0 where it has none
 */
record CpuTime(long jvmNanos, long postgresNanos, long childNanos) {

    /** Linux counts process times in ticks of 1/100 s (USER_HZ) on every architecture Stagehand runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static CpuTime now(long childPid) {
        return now(List.of(), childPid > 0 ? List.of(childPid) : List.of());
    }

    /** As {@link #now(long)}, with other Stagehand nodes' processes and several children. */
    static CpuTime now(List<Long> otherNodes, List<Long> children) {
        long jvm = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
                + ticksOf(otherNodes) * NANOS_PER_TICK;
        long postgres = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                String stat = stat(process);
                if (stat != null && stat.contains("(postgres)")) {
                    postgres += ticks(stat);
                }
            }
        } catch (IOException unreadable) {
            postgres = -1;
        }
        return new CpuTime(jvm, postgres * NANOS_PER_TICK, ticksOf(children) * NANOS_PER_TICK);
    }

    private static long ticksOf(List<Long> pids) {
        return pids.stream().map(pid -> stat(Path.of("/proc", Long.toString(pid)))).filter(stat -> stat != null)
                .mapToLong(CpuTime::ticks).sum();
    }

    /** What was used from {@code earlier} to this. */
    CpuTime since(CpuTime earlier) {
        return new CpuTime(jvmNanos - earlier.jvmNanos, postgresNanos - earlier.postgresNanos,
                childNanos - earlier.childNanos);
    }

    /** Microseconds of CPU per unit of work, Stagehand's JVM and PostgreSQL's apart, e.g. "41 + 3". */
    String perUnit(long units) {
        return units <= 0 ? "-" : String.format("%.0f + %.0f", jvmNanos / 1e3 / units, postgresNanos / 1e3 / units);
    }

    private static String stat(Path process) {
        try {
            return Files.readString(process.resolve("stat"));
        } catch (IOException gone) {
            return null;
        }
    }

    /** utime + stime, the 14th and 15th fields, counted after the command name (which may hold spaces). */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
