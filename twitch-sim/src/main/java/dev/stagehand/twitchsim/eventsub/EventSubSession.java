package dev.stagehand.twitchsim.eventsub;

import java.time.Instant;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** One EventSub WebSocket connection and the messages waiting to be written to it. */
final class EventSubSession {

    private final String id;
    private final Instant connectedAt;
    private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private volatile Disposable keepalive;
    private volatile int closeCode;
    private boolean closed;

    EventSubSession(String id, Instant connectedAt) {
        this.id = id;
        this.connectedAt = connectedAt;
    }

    String id() {
        return id;
    }

    Instant connectedAt() {
        return connectedAt;
    }

    Flux<String> messages() {
        return outbound.asFlux();
    }

    void send(String json) {
        synchronized (outbound) {
            outbound.tryEmitNext(json);
        }
    }

    /** Ends the stream of messages; the connection then closes with {@code code} (0 for a normal close). */
    void close(int code) {
        synchronized (outbound) {
            if (!closed) {
                closed = true;
                closeCode = code;
                outbound.tryEmitComplete();
            }
        }
    }

    int closeCode() {
        return closeCode;
    }

    void keepalive(Disposable timer) {
        keepalive = timer;
    }

    void stopKeepalive() {
        Disposable timer = keepalive;
        if (timer != null) {
            timer.dispose();
        }
    }
}
