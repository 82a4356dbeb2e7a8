package dev.stagehand.platform.kafka;

import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

/** A node's live reading of Kafka ({@link LiveTopic}), started with the application and disposed when it stops. */
public abstract class LiveReading implements SmartLifecycle {

    private volatile Disposable reading;

    /** Starts reading; what it returns is disposed on stop. */
    protected abstract Disposable read();

    @Override
    public void start() {
        reading = read();
    }

    @Override
    public void stop() {
        if (reading != null) {
            reading.dispose();
            reading = null;
        }
    }

    @Override
    public boolean isRunning() {
        return reading != null;
    }
}
