package dev.stagehand.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The WebSockets this node serves, per kind ({@code stagehand.websocket.connections{kind=overlay|room}}), and the chat
 * messages it sends to overlays, per channel ({@code stagehand.chat.messages.out}); connections closed for reading too
 * slowly ({@code stagehand.websocket.too.slow{kind}}).
 */
@Component
public class SocketMetrics {

    public static final String OVERLAY = "overlay";
    public static final String ROOM = "room";

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<String, Counter> sent = new ConcurrentHashMap<>();

    SocketMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String kind : new String[] {OVERLAY, ROOM}) {
            AtomicInteger connections = new AtomicInteger();
            open.put(kind, connections);
            Gauge.builder("stagehand.websocket.connections", connections, AtomicInteger::get).tag("kind", kind)
                    .description("Open WebSocket connections on this node, per kind").register(registry);
        }
    }

    /** How many WebSockets of every kind are open on this node. */
    public int open() {
        return open.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The connection, counted while it is open. */
    public Mono<Void> counted(String kind, Mono<Void> connection) {
        AtomicInteger connections = open.get(kind);
        return Mono.defer(() -> {
            connections.incrementAndGet();
            return connection.doFinally(signal -> connections.decrementAndGet());
        });
    }

    /** A connection of {@code kind} closed because it read too slowly for what it asked to get. */
    public void tooSlow(String kind) {
        registry.counter("stagehand.websocket.too.slow", "kind", kind).increment();
    }

    /** One chat message of {@code channel} sent to an overlay. */
    public void sentToOverlay(String channel) {
        sent.computeIfAbsent(channel, login -> Counter.builder("stagehand.chat.messages.out").tag("channel", login)
                .description("Chat messages sent to overlays, per channel id").register(registry)).increment();
    }
}
