package dev.stagehand.live.chat;

import dev.stagehand.api.chat.ChatLoads;
import dev.stagehand.platform.RepeatingJob;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twitch chat comes in first. Every reader of {@code stagehand.chat.messages} shares this node's cores with the
 * reading of Twitch; when they take more than is left, the lines read from Twitch wait, and once their queue is full
 * twitch4j stops reading and every overlay falls seconds behind. So while lines wait, the readers that can wait are
 * paused one after another, in the order given (the least urgent first), and resumed in reverse order once reading has
 * kept up for a while. Paused, a reader keeps its place in Kafka and catches up later: history and analytics run late
 * on a busy machine, and the overlays, which read the chat live, stay live.
 */
final class ChatIngestFirst extends RepeatingJob {

    /** Lines waiting to be written to Kafka that mean this node is falling behind Twitch. */
    static final int BEHIND = 1_000;
    /** Lines waiting that mean it has kept up. */
    static final int KEPT_UP = 100;
    /** How long reading must keep up before the next paused reader resumes. */
    static final Duration CALM = Duration.ofSeconds(1);
    private static final Duration CHECK = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(ChatIngestFirst.class);

    private final ChatLoads chat;
    private final List<PausableReader> readers;
    private final LongSupplier nanoTime;
    private int paused;
    private long keptUpSince;
    private long lastLogged;

    ChatIngestFirst(ChatLoads chat, List<PausableReader> readers, MeterRegistry meters, LongSupplier nanoTime) {
        super("chat-ingest-first", CHECK);
        this.chat = chat;
        this.readers = List.copyOf(readers);
        this.nanoTime = nanoTime;
        this.keptUpSince = nanoTime.getAsLong();
        this.lastLogged = keptUpSince - TimeUnit.MINUTES.toNanos(1);
        Gauge.builder("stagehand.chat.readers.paused", this, ChatIngestFirst::paused)
                .description("Readers of the chat paused so that reading Twitch chat keeps up").register(meters);
    }

    @Override
    protected Duration runOnce() {
        check();
        return CHECK;
    }

    /** Pauses the next reader while lines wait, resumes the last one paused once reading has kept up long enough. */
    synchronized void check() {
        int waiting = chat.load().linesWaiting();
        long now = nanoTime.getAsLong();
        if (waiting >= BEHIND) {
            keptUpSince = now;
            if (paused < readers.size()) {
                PausableReader reader = readers.get(paused++);
                reader.pause().run();
                if (now - lastLogged > TimeUnit.MINUTES.toNanos(1)) { // under load this repeats every second
                    lastLogged = now;
                    log.info("{} chat lines wait to be written to Kafka: {} is paused until reading keeps up",
                            waiting, reader.name());
                }
            }
        } else if (waiting > KEPT_UP) {
            keptUpSince = now;
        } else if (paused > 0 && now - keptUpSince >= CALM.toNanos()) {
            readers.get(--paused).resume().run();
            keptUpSince = now;
        }
    }

    synchronized int paused() {
        return paused;
    }

    /** Resumes every reader it paused, so that none is left paused when the application stops or restarts. */
    @Override
    public void stop() {
        super.stop();
        synchronized (this) {
            while (paused > 0) {
                readers.get(--paused).resume().run();
            }
        }
    }
}
