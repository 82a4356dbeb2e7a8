package dev.stagehand.platform.web;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * This process's file descriptors: how many are open and how many it may have. Every socket is one, and so is every
 * file the embedded Kafka broker keeps open: when they run out, the broker fails its log directories and stops. The
 * JVM raises the soft limit to the hard one when it starts ({@code -XX:+MaxFDLimit}, on by default), so the limit
 * read here is the hard limit of whoever started the process.
 */
public final class FileDescriptors {

    private FileDescriptors() {
    }

    /** How many this process may have open, or -1 where the system does not say. */
    public static long limit() {
        OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
        return system instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
    }

    /** How many this process has open, or -1 where the system does not say. */
    public static long open() {
        OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
        return system instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }
}
