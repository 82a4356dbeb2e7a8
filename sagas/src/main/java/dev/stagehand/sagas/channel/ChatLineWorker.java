package dev.stagehand.sagas.channel;

import dev.stagehand.platform.DaemonThreads;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that turns one chat connection's lines into Kafka records, in the order they arrived, so that the
 * connection's reading thread only parses IRC: on a busy connection the two run on two cores. Up to
 * {@code capacity} lines wait; beyond that the reading thread waits too (nothing is dropped) and a warning says
 * Stagehand cannot keep up (at most once a minute).
 */
final class ChatLineWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatLineWorker.class);

    private final ThreadPoolExecutor worker;
    private final AtomicLong lastWarning = new AtomicLong();

    ChatLineWorker(String name, int capacity) {
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(capacity),
                DaemonThreads.named(name),
                (task, executor) -> {
                    if (executor.isShutdown()) {
                        return;
                    }
                    long now = System.nanoTime();
                    long last = lastWarning.get();
                    if (now - last > TimeUnit.MINUTES.toNanos(1) && lastWarning.compareAndSet(last, now)) {
                        log.warn("{} is {} chat lines behind: reading waits for it", name, capacity);
                    }
                    try {
                        executor.getQueue().put(task);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                });
    }

    void submit(Runnable work) {
        worker.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("A chat line could not be handled", e);
            }
        });
    }

    /** How many lines wait to be handled. */
    int waiting() {
        return worker.getQueue().size();
    }

    /** Finishes the lines already handed over, for at most a few seconds. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
