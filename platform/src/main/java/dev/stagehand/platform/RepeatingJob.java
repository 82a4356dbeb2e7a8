package dev.stagehand.platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Work a node repeats in the background while the application runs, on a daemon thread of its own; each run says how
 * long to wait before the next. A run that fails unexpectedly is logged and tried again after the same wait (a second
 * at least).
 */
public abstract class RepeatingJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RepeatingJob.class);
    private static final Duration LEAST_RETRY_WAIT = Duration.ofSeconds(1);

    private final String name;
    private final Duration firstWait;
    private volatile ScheduledExecutorService scheduler;
    private Duration wait;

    /** @param name the thread's name, also used in logs */
    protected RepeatingJob(String name, Duration firstWait) {
        this.name = name;
        this.firstWait = firstWait;
    }

    /** Does the work once; answers how long to wait before the next run. */
    protected abstract Duration runOnce();

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(name));
        wait = firstWait;
        scheduler.schedule(this::runAndReschedule, firstWait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runAndReschedule() {
        try {
            wait = runOnce();
        } catch (RuntimeException unexpected) {
            wait = wait.compareTo(LEAST_RETRY_WAIT) < 0 ? LEAST_RETRY_WAIT : wait;
            log.warn("{} failed; trying again in {} ms", name, wait.toMillis(), unexpected);
        }
        ScheduledExecutorService current = scheduler;
        if (current != null && !current.isShutdown()) {
            current.schedule(this::runAndReschedule, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops repeating, and waits (5 s at most) for a run under way to end. */
    @Override
    public void stop() {
        ScheduledExecutorService current = scheduler;
        scheduler = null;
        if (current != null) {
            current.shutdownNow();
            try {
                current.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
