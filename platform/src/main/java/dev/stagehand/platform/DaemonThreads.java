package dev.stagehand.platform;

import java.util.concurrent.ThreadFactory;

/** Background threads that never keep the JVM alive; their owners stop them when the context closes. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory of daemon threads called {@code name}. */
    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
